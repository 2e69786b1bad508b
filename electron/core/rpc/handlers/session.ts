import { AppFailure } from '../../../../shared/contract';
import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

/** One sentence for a wrong login and a wrong password: a refusal must not tell which logins exist. */
export const wrongCredentials = 'Identifiant ou mot de passe incorrect.';

export function sessionHandlers(services: Services): NamespaceHandlers<'session'> {
  return {
    // A real centre's screen asks for a login: listing its accounts would hand out half of each.
    // Read each time: the demo may be chosen at first start, after the core started.
    agents: () => (services.setup.status().state === 'demo' ? services.sessions.demoAccounts() : []),
    signIn: (input, ctx) => {
      const agent = services.sessions.verify(input.login, input.password);
      if (!agent) throw new AppFailure({ code: 'validation', message: wrongCredentials, fields: { password: wrongCredentials } });
      ctx.begin(agent.id);
      return agent;
    },
    current: (_input, ctx) => ctx.agent,
    colleagues: () => services.sessions.colleagues(),
    signOut: (_input, ctx) => {
      ctx.end();
      return null;
    },
  };
}
