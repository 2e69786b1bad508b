import { z } from 'zod';
import {
  attachmentFileSchema,
  attachmentRefSchema,
  openAttachmentInputSchema,
  stagedAttachmentSchema,
  uploadChunkInputSchema,
  uploadFinishInputSchema,
  uploadProgressSchema,
  uploadStartInputSchema,
  uploadTicketSchema,
} from '../../domain/attachment';
import { call } from '../define';

export const attachmentCalls = {
  /**
   * A file reaches the core in pieces (`shared/contract/upload-file.ts` sends them), so that every
   * frame stays small: start with its size, send the pieces in order, finish to get the file the
   * actions refer to. An upload left unfinished expires and its temp file is removed.
   */
  uploadStart: call(uploadStartInputSchema, uploadTicketSchema),
  uploadChunk: call(uploadChunkInputSchema, uploadProgressSchema),
  uploadFinish: call(uploadFinishInputSchema, stagedAttachmentSchema),
  /** A file of a case the agent may read, to save it. */
  download: call(attachmentRefSchema, attachmentFileSchema),
  /**
   * Opens the file with the system's application (Electron only: refused where the core has no
   * `FileOpener`, e.g. the browser host). A dangerous type is refused unless `confirmedDangerous`.
   */
  open: call(openAttachmentInputSchema, z.null()),
};
