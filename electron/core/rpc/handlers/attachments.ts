import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function attachmentHandlers(services: Services): NamespaceHandlers<'attachments'> {
  return {
    uploadStart: (input, ctx) => services.uploads.start(input, ctx.agent.id),
    uploadChunk: (input, ctx) => services.uploads.chunk(input, ctx.agent.id),
    uploadFinish: (input, ctx) => services.uploads.finish(input, ctx.agent.id),
    download: (input, ctx) => services.attachmentFiles.download(input, ctx.agent),
    open: (input, ctx) => services.attachmentFiles.open(input, ctx.agent),
  };
}
