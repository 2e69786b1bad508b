import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { Reply } from '../../../../shared/domain/reply';
import type { Database } from '../../db/database';
import { drafts } from '../../db/schema';
import type { BlobStore } from '../../storage/blob-store';
import { deleteUnsentFiles, insertResponseFiles } from './attachment-rows';
import type { ReplyToSend } from './outgoing-reply';

/**
 * The case's one draft (PRODUCT.md: every colleague sees it), which is also the reply held while the case
 * waits for validation. Saving replaces it whole, files included.
 */
export function saveDraft(
  db: Database,
  blobs: BlobStore,
  draft: { caseId: number; reply: Reply; savedById: number; at: string },
): void {
  const { caseId, reply, savedById, at } = draft;
  discardFiles(db, caseId);
  const attachmentIds = insertResponseFiles(db, blobs, { caseId, messageId: null, at }, reply.attachments);
  const values = {
    caseId,
    html: reply.html,
    to: reply.to ? [reply.to] : [],
    cc: reply.cc,
    bcc: reply.bcc,
    attachmentIds,
    savedById,
    savedAt: at,
  };
  db.orm.insert(drafts).values(values).onConflictDoUpdate({ target: drafts.caseId, set: values }).run();
}

/** The reply went out (or was replaced): the draft and the files no message took are spent. */
export function clearDraft(db: Database, caseId: number): void {
  discardFiles(db, caseId);
  db.orm.delete(drafts).where(eq(drafts.caseId, caseId)).run();
}

/** `approve` sends the reply exactly as the agent submitted it. */
export function heldReply(db: Database, caseId: number): ReplyToSend {
  const draft = db.orm.select().from(drafts).where(eq(drafts.caseId, caseId)).get();
  const to = draft?.to[0];
  if (!draft || !to) {
    throw new AppFailure({ code: 'refused', message: 'Aucune réponse n’attend de validation sur ce dossier.' });
  }
  return {
    to,
    cc: draft.cc,
    bcc: draft.bcc,
    html: draft.html,
    authorId: draft.savedById,
    files: { kind: 'held', attachmentIds: draft.attachmentIds },
  };
}

function discardFiles(db: Database, caseId: number): void {
  const previous = db.orm.select({ ids: drafts.attachmentIds }).from(drafts).where(eq(drafts.caseId, caseId)).get();
  if (previous) deleteUnsentFiles(db, caseId, previous.ids);
}
