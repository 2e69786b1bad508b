import { z } from 'zod';
import {
  attachmentFileSchema,
  attachmentRefSchema,
  openAttachmentInputSchema,
  stagedAttachmentSchema,
  uploadInputSchema,
} from '../../domain/attachment';
import { call } from '../define';

export const attachmentCalls = {
  upload: call(uploadInputSchema, stagedAttachmentSchema),
  /** A file of a case the agent may read, to save it. */
  download: call(attachmentRefSchema, attachmentFileSchema),
  /**
   * Opens the file with the system's application (Electron only: refused where the core has no
   * `FileOpener`, e.g. the browser host). A dangerous type is refused unless `confirmedDangerous`.
   */
  open: call(openAttachmentInputSchema, z.null()),
};
