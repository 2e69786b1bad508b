import { AppFailure } from '../../../shared/contract';
import { maxAttachmentBytes, type StagedAttachment } from '../../../shared/domain/attachment';
import type { BlobStore } from '../storage/blob-store';
import { safeFileName } from '../../../shared/domain/file-name';

export type AttachmentService = ReturnType<typeof createAttachmentService>;

/** Upload first, refer later: actions carry StagedAttachments, never file contents. */
export function createAttachmentService(blobs: BlobStore) {
  return {
    async upload(input: { name: string; mediaType: string; dataBase64: string }): Promise<StagedAttachment> {
      const content = Buffer.from(input.dataBase64, 'base64');
      if (content.length > maxAttachmentBytes) {
        throw new AppFailure({ code: 'validation', message: 'Le fichier dépasse 25 Mo.', fields: { dataBase64: 'Le fichier dépasse 25 Mo.' } });
      }
      const stored = await blobs.put(content);
      return { sha256: stored.sha256, size: stored.size, mediaType: input.mediaType, displayName: safeFileName(input.name) };
    },
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
