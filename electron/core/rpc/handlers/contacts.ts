import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function contactHandlers(services: Services): NamespaceHandlers<'contacts'> {
  return {
    search: (input, ctx) => services.contacts.search(input, ctx.agent),
    get: (input, ctx) => services.contacts.get(input.contactId, ctx.agent),
    create: (input, ctx) => services.contacts.create(input, ctx.agent),
    update: (input, ctx) => services.contacts.update(input, ctx.agent),
    history: (input, ctx) => services.contacts.history(input.contactId, ctx.agent),
    checkEmail: (input, ctx) => services.contacts.checkEmail(input, ctx.agent),
  };
}
