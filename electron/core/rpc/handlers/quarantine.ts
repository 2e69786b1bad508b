import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function quarantineHandlers({ quarantine }: Services): NamespaceHandlers<'quarantine'> {
  return {
    list: (input, ctx) => quarantine.list(input, ctx.agent),
    count: (_input, ctx) => quarantine.count(ctx.agent),
    source: (input, ctx) => quarantine.source(input.id, ctx.agent),
    retry: (input, ctx) => quarantine.retry(input.id, ctx.agent),
    queues: (_input, ctx) => quarantine.queues(ctx.agent),
    createCase: (input, ctx) => quarantine.createCase(input, ctx.agent),
    delete: (input, ctx) => quarantine.delete(input.id, ctx.agent),
  };
}
