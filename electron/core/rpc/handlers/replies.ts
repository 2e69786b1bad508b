import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function replyHandlers({ replies }: Services): NamespaceHandlers<'replies'> {
  return {
    preview: (input, ctx) => replies.preview(input, ctx.agent),
    draftImages: (input, ctx) => replies.draftImages(input, ctx.agent),
  };
}
