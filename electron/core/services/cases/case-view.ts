import { and, asc, eq, inArray } from 'drizzle-orm';
import { allowedActions, type CaseAction } from '../../../../shared/domain/case-machine';
import type { CaseDetail, CaseDraft } from '../../../../shared/domain/case-detail';
import { can, rights } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents, attachments, cases, contacts, drafts, qualifications, queues } from '../../db/schema';
import { sanitizeDisplayHtml } from '../../mail/html-sanitizer';
import { guardRefusal } from './case-guards';
import type { CaseRow } from './case-rows';
import type { CaseActor } from './case-scope';
import { caseHistory, caseMessages, caseNotepad } from './case-thread';
import { factsOf, queueRules } from './machine-verdict';

type QueueRow = typeof queues.$inferSelect;

/** Everything the case screen shows (PRODUCT.md "Consulting a case and a contact"), read in one go. */
export function caseView(db: Database, row: CaseRow, actor: CaseActor): CaseDetail {
  const mergedCases = linkOf(db, eq(cases.mergedIntoId, row.id));
  const queue = db.orm.select().from(queues).where(eq(queues.id, row.queueId)).get() as QueueRow;
  const contact = db.orm.select().from(contacts).where(eq(contacts.id, row.contactId)).get();
  if (!contact) throw new Error(`case ${row.id}: contact ${row.contactId} is missing`);
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    state: row.state,
    version: row.version,
    queue: { id: queue.id, name: queue.name, media: queue.media, distribution: queue.distribution },
    assignee: row.assigneeId === null ? null : agentOf(db, row.assigneeId),
    contact: {
      id: contact.id,
      civility: contact.civility,
      firstName: contact.firstName,
      lastName: contact.lastName,
      company: contact.company,
      email: contact.email,
      phones: { mobile: contact.mobile, landline: contact.landline, otherPhone: contact.otherPhone, fax: contact.fax },
    },
    questionHtml: sanitizeDisplayHtml(row.questionHtml),
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    unread: row.unread,
    qualification: qualificationOf(db, row.qualificationId),
    messages: caseMessages(db, row.id, mergedCases),
    notepad: caseNotepad(db, row.id),
    history: caseHistory(db, row.id),
    draft: draftOf(db, row.id),
    allowedActions: offeredActions(db, row, queue, actor),
    mergedInto: row.mergedIntoId === null ? null : linkOf(db, eq(cases.id, row.mergedIntoId))[0] ?? null,
    mergedCases,
    viewerRights: rights.filter((right) => can(actor.rights, right)),
  };
}

/** The machine's list for this queue, less what the guards (merge, push offer) would refuse anyway. */
function offeredActions(db: Database, row: CaseRow, queue: QueueRow, actor: CaseActor): CaseAction[] {
  const rules = queueRules(db, queue.id);
  return allowedActions(factsOf(row, row.state, rules), actor, rules.enabled).filter(
    (action) => guardRefusal(db, row, action, actor.id) === null,
  );
}

function agentOf(db: Database, id: number) {
  return db.orm.select({ id: agents.id, displayName: agents.displayName }).from(agents).where(eq(agents.id, id)).get() ?? null;
}

function qualificationOf(db: Database, id: number | null) {
  if (id === null) return null;
  const row = db.orm
    .select({ id: qualifications.id, label: qualifications.label })
    .from(qualifications)
    .where(eq(qualifications.id, id))
    .get();
  return row ?? null;
}

function linkOf(db: Database, where: ReturnType<typeof eq>) {
  return db.orm
    .select({ id: cases.id, number: cases.number, subject: cases.subject, state: cases.state })
    .from(cases)
    .where(where)
    .orderBy(asc(cases.number))
    .all();
}

function draftOf(db: Database, caseId: number): CaseDraft | null {
  const draft = db.orm
    .select({ draft: drafts, savedBy: { id: agents.id, displayName: agents.displayName } })
    .from(drafts)
    .innerJoin(agents, eq(agents.id, drafts.savedById))
    .where(eq(drafts.caseId, caseId))
    .get();
  if (!draft) return null;
  const { html, to, cc, bcc, attachmentIds, savedAt } = draft.draft;
  const files =
    attachmentIds.length === 0
      ? []
      : db.orm
          .select()
          .from(attachments)
          .where(and(eq(attachments.caseId, caseId), inArray(attachments.id, attachmentIds)))
          .orderBy(asc(attachments.id))
          .all();
  return {
    html,
    to: to[0] ?? null,
    cc,
    bcc,
    attachments: files.map(({ sha256, size, mediaType, displayName, contentId }) => ({
      sha256,
      size,
      mediaType,
      displayName,
      ...(contentId ? { contentId } : {}),
    })),
    savedBy: draft.savedBy,
    savedAt,
  };
}
