import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

/** Each service method checks the administrator itself. */
export function mailboxHandlers({ mailboxes }: Services): NamespaceHandlers<'mailboxes'> {
  return {
    list: (_input, ctx) => mailboxes.list(ctx.agent),
    create: (input, ctx) => mailboxes.create(input, ctx.agent),
    update: (input, ctx) => mailboxes.update(input, ctx.agent),
    test: (input, ctx) => mailboxes.test(input, ctx.agent),
  };
}
