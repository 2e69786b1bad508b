import { stagedAttachmentSchema, uploadInputSchema } from '../../domain/attachment';
import { call } from '../define';

export const attachmentCalls = {
  upload: call(uploadInputSchema, stagedAttachmentSchema),
};
