import type { StagedAttachment } from '../../../../shared/domain/attachment';
import type { ContactCard } from '../../../../shared/domain/contact-view';
import type { Database } from '../../db/database';
import { attachments, caseFields, cases, messages, notepadEntries } from '../../db/schema';
import { htmlToText } from '../templates/html-text';
import type { BlobStore } from '../../storage/blob-store';
import { writeHistory, type CaseRow } from '../cases/case-rows';
import { fullName } from '../contacts/contact-rows';

/** Everything of a new case but its action, as case creation resolved it. */
export interface NewCase {
  number: string;
  formId: number;
  queueId: number;
  qualificationId: number | null;
  contact: ContactCard;
  /** What became of the card: the 'created' history entry keeps it. */
  contactOutcome: 'created' | 'updated' | 'kept';
  subject: string;
  /** Already sanitised. */
  questionHtml: string;
  requestAttachments: readonly StagedAttachment[];
  customFields: Record<string, string>;
  notepad: string | undefined;
  authorId: number;
  at: string;
}

/**
 * Writes the case as created, in the caller's transaction: waiting in its queue (`todo`, nobody)
 * until the action moves it. The question is also the first message of the thread, incoming from
 * the contact (it is their request, typed by the agent: `author_id` says who), so the thread, the
 * request attachments and a reply's quotation all start from it; `attach_reason` says where it came from.
 * Version 1 is this 'created' entry; the action that follows is version 2 (one per history entry).
 */
export function insertCreatedCase(db: Database, blobs: BlobStore, draft: NewCase): CaseRow {
  const { at } = draft;
  const questionText = htmlToText(draft.questionHtml);
  const row = db.orm
    .insert(cases)
    .values({
      number: draft.number,
      subject: draft.subject,
      state: 'todo',
      queueId: draft.queueId,
      formId: draft.formId,
      qualificationId: draft.qualificationId,
      contactId: draft.contact.id,
      questionHtml: draft.questionHtml,
      questionText,
      createdAt: at,
      updatedAt: at,
      receivedAt: at,
      version: 1,
    })
    .returning()
    .get();
  const messageId = insertQuestion(db, row, draft, questionText);
  insertRequestFiles(db, blobs, { caseId: row.id, messageId, at }, draft.requestAttachments);
  const fields = Object.entries(draft.customFields).map(([key, value]) => ({ caseId: row.id, key, value }));
  if (fields.length > 0) db.orm.insert(caseFields).values(fields).run();
  if (draft.notepad) {
    db.orm.insert(notepadEntries).values({ caseId: row.id, agentId: draft.authorId, text: draft.notepad, createdAt: at }).run();
  }
  writeHistory(db, {
    caseId: row.id,
    agentId: draft.authorId,
    action: 'created',
    stateBefore: null,
    stateAfter: row.state,
    at,
    detail: { contact: draft.contactOutcome, formId: draft.formId },
  });
  return row;
}

function insertQuestion(db: Database, row: CaseRow, draft: NewCase, text: string): number {
  const { contact, at } = draft;
  const from = { name: fullName(contact), address: contact.email ?? '' };
  return db.orm
    .insert(messages)
    .values({
      caseId: row.id,
      direction: 'in',
      from,
      subject: row.subject,
      text,
      html: draft.questionHtml,
      date: at,
      attachReason: 'created_by_agent',
      authorId: draft.authorId,
      createdAt: at,
    })
    .returning({ id: messages.id })
    .get().id;
}

/** The seed's "Pièces jointes de la demande": files of the request, on its message. */
function insertRequestFiles(
  db: Database,
  blobs: BlobStore,
  target: { caseId: number; messageId: number; at: string },
  files: readonly StagedAttachment[],
): void {
  if (files.length === 0) return;
  db.orm
    .insert(attachments)
    .values(
      files.map((file) => ({
        caseId: target.caseId,
        messageId: target.messageId,
        kind: 'request' as const,
        sha256: file.sha256,
        size: file.size,
        mediaType: file.mediaType,
        displayName: file.displayName,
        storagePath: blobs.relativePath(file.sha256),
        contentId: file.contentId ?? null,
        createdAt: target.at,
      })),
    )
    .run();
}
