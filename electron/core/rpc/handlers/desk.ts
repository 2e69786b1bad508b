import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function deskHandlers(services: Services): NamespaceHandlers<'desk'> {
  return {
    list: (input, ctx) => services.desks.list(input, ctx.agent),
    search: (input, ctx) => services.caseSearch.search(input, ctx.agent),
    queues: (_input, ctx) => services.desks.queues(ctx.agent),
  };
}
