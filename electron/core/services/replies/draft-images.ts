import { readFile } from 'node:fs/promises';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DraftImage } from '../../../../shared/contract/calls/replies';
import type { Database } from '../../db/database';
import { attachments, drafts } from '../../db/schema';
import type { BlobStore } from '../../storage/blob-store';

export interface StoredImage {
  contentId: string;
  sha256: string;
  mediaType: string;
}

/** The inline images of the case's draft: the files saved with it that have a Content-ID. */
export function draftImageRows(db: Database, caseId: number): StoredImage[] {
  const draft = db.orm.select({ ids: drafts.attachmentIds }).from(drafts).where(eq(drafts.caseId, caseId)).get();
  if (!draft || draft.ids.length === 0) return [];
  return db.orm
    .select({ contentId: attachments.contentId, sha256: attachments.sha256, mediaType: attachments.mediaType })
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), inArray(attachments.id, draft.ids), isNotNull(attachments.contentId)))
    .all()
    .filter((row): row is StoredImage => row.contentId !== null && row.mediaType.startsWith('image/'));
}

/**
 * Each image as a `data:` URL for the editor and the preview frame, whose policies allow `data:`
 * images and nothing fetched. Read after the transaction that chose them (no I/O inside one).
 */
export async function readDraftImages(blobs: BlobStore, images: readonly StoredImage[]): Promise<DraftImage[]> {
  return Promise.all(
    images.map(async (image) => {
      const content = await readFile(blobs.absolutePath(image.sha256));
      return { contentId: image.contentId, dataUrl: `data:${image.mediaType};base64,${content.toString('base64')}` };
    }),
  );
}
