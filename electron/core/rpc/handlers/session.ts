import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function sessionHandlers(services: Services): NamespaceHandlers<'session'> {
  return {
    // A real centre's screen asks for a login: listing its accounts would hand out half of each.
    // Read each time: the demo may be chosen at first start, after the core started.
    agents: () => (services.setup.status().state === 'demo' ? services.sessions.demoAccounts() : []),
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
