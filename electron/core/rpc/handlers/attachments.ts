import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function attachmentHandlers(services: Services): NamespaceHandlers<'attachments'> {
  return {
    upload: (input) => services.attachments.upload(input),
    download: (input, ctx) => services.attachmentFiles.download(input, ctx.agent),
    open: (input, ctx) => services.attachmentFiles.open(input, ctx.agent),
  };
}
