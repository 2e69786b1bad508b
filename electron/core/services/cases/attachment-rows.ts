import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { StagedAttachment } from '../../../../shared/domain/attachment';
import type { Database } from '../../db/database';
import { attachments, type OutgoingAttachment } from '../../db/schema';
import type { BlobStore } from '../../storage/blob-store';

/**
 * Response files of a case. A file joined to a draft has a row without a message; sending moves
 * the row to the outgoing message, so the draft, the thread and the outbox name the same file.
 */
export function insertResponseFiles(
  db: Database,
  blobs: BlobStore,
  target: { caseId: number; messageId: number | null; at: string },
  files: readonly StagedAttachment[],
): number[] {
  return files.map(
    (file) =>
      db.orm
        .insert(attachments)
        .values({
          caseId: target.caseId,
          messageId: target.messageId,
          kind: 'response',
          sha256: file.sha256,
          size: file.size,
          mediaType: file.mediaType,
          displayName: file.displayName,
          storagePath: blobs.relativePath(file.sha256),
          contentId: file.contentId ?? null,
          createdAt: target.at,
        })
        .returning({ id: attachments.id })
        .get().id,
  );
}

/** Files of a draft that no message took: they go with the draft. */
export function deleteUnsentFiles(db: Database, caseId: number, ids: readonly number[]): void {
  if (ids.length === 0) return;
  db.orm
    .delete(attachments)
    .where(and(eq(attachments.caseId, caseId), inArray(attachments.id, [...ids]), isNull(attachments.messageId)))
    .run();
}

export function moveFilesToMessage(db: Database, caseId: number, ids: readonly number[], messageId: number): void {
  if (ids.length === 0) return;
  db.orm
    .update(attachments)
    .set({ messageId })
    .where(and(eq(attachments.caseId, caseId), inArray(attachments.id, [...ids])))
    .run();
}

export function filesOfMessage(db: Database, messageId: number) {
  return db.orm.select().from(attachments).where(eq(attachments.messageId, messageId)).orderBy(attachments.id).all();
}

/** The outbox names each file by its stored path, relative to the data folder like `storage_path`. */
export function outgoingFiles(db: Database, messageId: number): OutgoingAttachment[] {
  return filesOfMessage(db, messageId).map((file) => ({
    attachmentId: file.id,
    path: file.storagePath,
    filename: file.displayName,
    mediaType: file.mediaType,
    ...(file.contentId ? { contentId: file.contentId } : {}),
  }));
}
