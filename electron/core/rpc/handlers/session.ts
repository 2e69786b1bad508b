import { AppFailure } from '../../../../shared/contract';
import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function sessionHandlers(services: Services): NamespaceHandlers<'session'> {
  return {
    agents: () => services.sessions.listAgents(),
    signIn: (input, ctx) => {
      const agent = services.sessions.verify(input.agentId, input.password);
      if (!agent) {
        const message = 'Agent ou mot de passe incorrect.';
        throw new AppFailure({ code: 'validation', message, fields: { password: message } });
      }
      ctx.begin(agent.id);
      return agent;
    },
    current: (_input, ctx) => ctx.agent,
    signOut: (_input, ctx) => {
      ctx.end();
      return null;
    },
  };
}
