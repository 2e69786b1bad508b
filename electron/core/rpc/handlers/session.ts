import type { Services } from '../../services';
import type { AppInfo } from '../handlers';
import type { NamespaceHandlers } from '../handlers-type';

export function sessionHandlers(services: Services, info: Pick<AppInfo, 'demo'>): NamespaceHandlers<'session'> {
  return {
    // A real centre's screen asks for a login: listing its accounts would hand out half of each.
    agents: () => (info.demo ? services.sessions.demoAccounts() : []),
    signIn: async (input, ctx) => {
      const agent = await services.sessions.signIn({ ...input, address: ctx.address });
      ctx.begin(agent.id);
      return agent;
    },
    current: (_input, ctx) => ctx.agent,
    colleagues: () => services.sessions.colleagues(),
    signOut: (_input, ctx) => {
      ctx.end();
      return null;
    },
    signOutEverywhere: (_input, ctx) => {
      ctx.endEverywhere();
      return null;
    },
  };
}
