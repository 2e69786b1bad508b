import { AppFailure } from '../../../shared/contract';
import type { StagedAttachment } from '../../../shared/domain/attachment';
import type { BlobStore } from '../storage/blob-store';

export type AttachmentService = ReturnType<typeof createAttachmentService>;

/**
 * Upload first (`attachments/chunked-uploads.ts`), refer later: actions carry StagedAttachments,
 * never file contents.
 */
export function createAttachmentService(blobs: BlobStore) {
  return {
    /** Checked before a transaction refers to the files: a missing one refuses the whole action. */
    assertStored(staged: readonly StagedAttachment[]): void {
      const missing = staged.find((file) => !blobs.has(file.sha256));
      if (missing) {
        throw new AppFailure({
          code: 'validation',
          message: `La pièce jointe « ${missing.displayName} » est introuvable : joignez-la de nouveau.`,
        });
      }
    },
  };
}
