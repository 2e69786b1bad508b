import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function attachmentHandlers(services: Services): NamespaceHandlers<'attachments'> {
  return {
    upload: (input) => services.attachments.upload(input),
  };
}
