import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { cases, mailboxes, messages, outbox, type OutboxKind } from '../../db/schema';
import type { MailAddress, OutgoingMail } from '../../db/tables/json-types';
import { readSettings } from '../../services/admin/settings';
import { richTextOrPlain } from '../../services/admin/rich-text';
import { htmlToText } from '../../services/templates/html-text';
import { fillPlaceholders, placeholderValues } from '../../services/templates/placeholders';
import { automaticHeaders } from '../automatic-message';
import { newMessageId, replySubject } from '../outgoing-message';
import { ownAddresses } from './own-addresses';

/** The two messages a queue sends on its own (PRODUCT.md "Incoming routing"); both share one daily limit. */
export type NoticeKind = 'acknowledgement' | 'waiting_message';
const noticeKinds: NoticeKind[] = ['acknowledgement', 'waiting_message'];

export interface Notice {
  kind: NoticeKind;
  caseId: number;
  /** The queue's text, plain or rich, with `{{case.number}}`-style placeholders. */
  body: string;
  to: MailAddress;
  mailboxId: number;
  /** The message answered, when there is one to thread under. */
  inReplyTo: string | null;
  references: string[];
  now: Date;
}

export type NoticeResult = 'queued' | 'own_address' | 'daily_limit';

const day = 86_400_000;

/** Acknowledgements and waiting messages written for a contact in the 24 hours before `now`. */
export function noticesSentTo(db: Database, contactId: number, now: Date): number {
  const since = new Date(now.getTime() - day).toISOString();
  const sent = db.orm
    .select({ n: count() })
    .from(outbox)
    .innerJoin(cases, eq(cases.id, outbox.caseId))
    .where(and(eq(cases.contactId, contactId), inArray(outbox.kind, noticeKinds), gt(outbox.createdAt, since)))
    .get();
  return sent?.n ?? 0;
}

/** Notices sent to the case's contact in the last 24 hours: at most N a day (settings, default 3). */
function withinDailyLimit(db: Database, caseId: number, now: Date): boolean {
  const limit = readSettings(db).acknowledgementDailyLimit;
  const contact = db.orm.select({ id: cases.contactId }).from(cases).where(eq(cases.id, caseId)).get();
  if (!contact || limit <= 0) return false;
  return noticesSentTo(db, contact.id, now) < limit;
}

/**
 * Writes an automatic message to the outbox, with its place in the thread, in the caller's
 * transaction; the outbox sender sends it later. Never to our own addresses (a loop), and at most
 * N a day to one contact; callers keep it from auto-replies and bounces (see auto-reply.ts).
 */
export function queueNotice(db: Database, notice: Notice): NoticeResult {
  if (ownAddresses(db).has(normalizeEmail(notice.to.address))) return 'own_address';
  if (!withinDailyLimit(db, notice.caseId, notice.now)) return 'daily_limit';
  const { payload, messageIdHeader } = noticeMail(db, notice);
  writeAutomaticMessage(db, { caseId: notice.caseId, kind: notice.kind, payload, messageIdHeader, at: notice.now.toISOString() });
  return 'queued';
}

export interface AutomaticMessage {
  caseId: number;
  kind: Exclude<OutboxKind, 'reply'>;
  payload: OutgoingMail;
  messageIdHeader: string;
  at: string;
}

/**
 * An automatic message in the durable outbox, tied to its case, in the caller's transaction: the
 * outbox sends it later, with retries, at most once.
 */
export function writeAutomaticMessage(db: Database, message: AutomaticMessage): void {
  const { caseId, kind, payload, messageIdHeader, at } = message;
  const outboxId = db.orm
    .insert(outbox)
    .values({ caseId, kind, messageIdHeader, payload, mailboxId: payload.mailboxId, agentId: null, nextAttemptAt: at, createdAt: at })
    .returning({ id: outbox.id })
    .get().id;
  // Also in the thread: the agent sees what the contact was told, and answers to it thread by its id.
  const { from, to, subject, html, text, inReplyTo, references } = payload;
  const thread = { caseId, direction: 'out' as const, messageIdHeader, inReplyTo, references, from, to, subject, html, text };
  db.orm.insert(messages).values({ ...thread, date: at, autoSubmitted: true, outboxId, createdAt: at }).run();
}

function noticeMail(db: Database, notice: Notice): { payload: OutgoingMail; messageIdHeader: string } {
  const found = db.orm.select({ number: cases.number, subject: cases.subject }).from(cases).where(eq(cases.id, notice.caseId)).get();
  const mailbox = db.orm.select().from(mailboxes).where(eq(mailboxes.id, notice.mailboxId)).get();
  if (!found || !mailbox) throw new Error(`notice for case ${notice.caseId}: case or mailbox ${notice.mailboxId} missing`);
  const html = fillPlaceholders(richTextOrPlain(notice.body), placeholderValues(db, notice.caseId, null));
  const messageIdHeader = newMessageId(found.number, mailbox.address);
  const payload: OutgoingMail = {
    mailboxId: mailbox.id,
    from: { name: mailbox.senderName, address: mailbox.address },
    to: [notice.to],
    cc: [],
    bcc: [],
    subject: replySubject(found.subject, found.number),
    html,
    text: htmlToText(html),
    inReplyTo: notice.inReplyTo,
    references: notice.references,
    headers: { 'Message-ID': messageIdHeader, 'X-Unified-Case': found.number, ...automaticHeaders },
    attachments: [],
  };
  return { payload, messageIdHeader };
}
