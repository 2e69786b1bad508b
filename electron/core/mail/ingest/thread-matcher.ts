import { desc, eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { cases, contacts, messages } from '../../db/schema';
import type { IncomingMail } from '../incoming-mail';
import { caseNumberOfMessageId, caseNumbersInSubject, messageIdsOf } from './case-reference';

/** Why a message joined a case, stored in `messages.attach_reason` and shown with the thread. */
export type AttachReason = 'in_reply_to' | 'references' | 'message_id_reference' | 'subject_reference';

export interface ThreadMatch {
  caseId: number;
  reason: AttachReason;
}

type ThreadFields = Pick<IncomingMail, 'inReplyTo' | 'references' | 'subject'>;

/** A message is bounded by its parser, but a hostile one may still carry thousands of references. */
const maxReferencesRead = 100;

/**
 * The case an incoming message belongs to (SPEC "Incoming messages"), or null. `sender` is the
 * sender's normalised address; it only matters for the subject token. A merged case forwards to its
 * master, which holds the thread now.
 */
export function matchThread(db: Database, mail: ThreadFields, sender: string | null): ThreadMatch | null {
  const match = byKnownMessage(db, mail) ?? byOurMessageId(db, mail) ?? bySubjectToken(db, mail, sender);
  return match && { ...match, caseId: masterOf(db, match.caseId) };
}

/** In-Reply-To first, then References from the most recent (RFC 5322 §3.6.4 lists them oldest first). */
function referencedIds(mail: ThreadFields): { id: string; reason: AttachReason }[] {
  const references = mail.references.slice(-maxReferencesRead).reverse();
  return [
    ...messageIdsOf(mail.inReplyTo).map((id) => ({ id, reason: 'in_reply_to' as const })),
    ...references.map((id) => ({ id: id.trim(), reason: 'references' as const })),
  ];
}

/** A message we hold, in either direction: the contact's earlier mail or one of our replies. */
function byKnownMessage(db: Database, mail: ThreadFields): ThreadMatch | null {
  for (const { id, reason } of referencedIds(mail)) {
    const known = db.orm
      .select({ caseId: messages.caseId })
      .from(messages)
      .where(eq(messages.messageIdHeader, id))
      .orderBy(desc(messages.id))
      .get();
    if (known) return { caseId: known.caseId, reason };
  }
  return null;
}

/** Our own Message-ID carries the case number: it threads even when the message itself is not here. */
function byOurMessageId(db: Database, mail: ThreadFields): ThreadMatch | null {
  for (const { id } of referencedIds(mail)) {
    const number = caseNumberOfMessageId(id);
    const found = number === null ? undefined : caseByNumber(db, number);
    if (found) return { caseId: found.id, reason: 'message_id_reference' };
  }
  return null;
}

/**
 * `[#000123]` in the subject, accepted only from someone the case already knows: a stranger quoting
 * a number must not slip a message into another person's case (SPEC "Incoming messages").
 */
function bySubjectToken(db: Database, mail: ThreadFields, sender: string | null): ThreadMatch | null {
  if (sender === null) return null;
  for (const number of caseNumbersInSubject(mail.subject)) {
    const found = caseByNumber(db, number);
    if (found && isKnownTo(db, found, sender)) return { caseId: found.id, reason: 'subject_reference' };
  }
  return null;
}

function caseByNumber(db: Database, number: string) {
  return db.orm
    .select({ id: cases.id, contactId: cases.contactId })
    .from(cases)
    .where(eq(cases.number, number))
    .get();
}

/** The case's contact, or an address in the To or CC of one of its messages; compared without case. */
function isKnownTo(db: Database, found: { id: number; contactId: number }, sender: string): boolean {
  const contact = db.orm
    .select({ email: contacts.emailNormalized })
    .from(contacts)
    .where(eq(contacts.id, found.contactId))
    .get();
  if (contact?.email === sender) return true;
  const thread = db.orm.select({ to: messages.to, cc: messages.cc }).from(messages).where(eq(messages.caseId, found.id)).all();
  return thread.some(({ to, cc }) => [...to, ...cc].some((recipient) => normalizeEmail(recipient.address) === sender));
}

/** Follows `merged_into_id` to the master; a cycle (never written by the merge) stops where it loops. */
export function masterOf(db: Database, caseId: number): number {
  const seen = new Set<number>();
  let current = caseId;
  while (!seen.has(current)) {
    seen.add(current);
    const row = db.orm.select({ into: cases.mergedIntoId }).from(cases).where(eq(cases.id, current)).get();
    if (!row?.into) return current;
    current = row.into;
  }
  return current;
}
