import { AppFailure } from '../../../shared/contract';
import type { Services } from '../services';
import type { Handlers } from './handlers-type';

export interface AppInfo {
  version: string;
  demo: boolean;
  dataDir: string;
}

/** The contract's calls bound to the services: thin, no rule lives here. */
export function createHandlers(services: Services, info: AppInfo): Handlers {
  return {
    'app.info': () => info,
    'session.agents': () => services.sessions.listAgents(),
    'session.signIn': (input, ctx) => {
      const agent = services.sessions.verify(input.agentId, input.password);
      if (!agent) {
        throw new AppFailure({
          code: 'validation',
          message: 'Agent ou mot de passe incorrect.',
          fields: { password: 'Agent ou mot de passe incorrect.' },
        });
      }
      ctx.setAgent(agent);
      return agent;
    },
    'session.current': (_input, ctx) => ctx.agent,
    'session.signOut': (_input, ctx) => {
      ctx.setAgent(null);
      return null;
    },
    'desk.list': (input, ctx) => services.desks.list(input, ctx.agent),
    'desk.queues': (_input, ctx) => services.desks.queues(ctx.agent),
  };
}
