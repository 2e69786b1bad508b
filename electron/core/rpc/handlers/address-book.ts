import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function addressBookHandlers(services: Services): NamespaceHandlers<'addressBook'> {
  return {
    search: (input, ctx) => services.addressBook.search(input, ctx.agent),
    get: (input, ctx) => services.addressBook.get(input.id, ctx.agent),
    create: (input, ctx) => services.addressBook.create(input, ctx.agent),
    update: (input, ctx) => services.addressBook.update(input, ctx.agent),
    delete: (input, ctx) => services.addressBook.delete(input.id, ctx.agent),
    importFile: (input, ctx) => services.addressBook.importFile(input, ctx.agent),
    exportFile: (input, ctx) => services.addressBook.exportFile(input.format, ctx.agent),
  };
}
