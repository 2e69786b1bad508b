import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { cases, messages } from '../../db/schema';
import type { IncomingMail } from '../incoming-mail';
import { caseNumberOfMessageId, caseNumbersInSubject, messageIdsOf } from './case-reference';
import { isKnownTo } from './known-senders';

/** Why a message joined a case, stored in `messages.attach_reason` and shown with the thread. */
export type AttachReason = 'in_reply_to' | 'references' | 'message_id_reference' | 'subject_reference';

export interface ThreadMatch {
  caseId: number;
  reason: AttachReason;
}

/** A case the message points to, but whose people do not include its sender: it is not let in. */
export interface RefusedClaim {
  caseId: number;
  number: string;
}

/** Where threading leads: into a case, to a refused claim (a new case will say so), or nowhere. */
export type Threading = { kind: 'match'; match: ThreadMatch } | { kind: 'refused'; claim: RefusedClaim } | { kind: 'none' };

type ThreadFields = Pick<IncomingMail, 'inReplyTo' | 'references' | 'subject'>;

/** A case a message points to, and how. */
interface Candidate {
  caseId: number;
  reason: AttachReason;
}

/** A message is bounded by its parser, but a hostile one may still carry thousands of references. */
const maxReferencesRead = 100;
/** A Message-ID reused by many messages: the first holders are enough to find the thread. */
const maxHoldersRead = 20;
/** Each candidate costs a few queries: a hostile message pointing everywhere is cut short. */
const maxCandidates = 50;

/**
 * The case an incoming message belongs to (PRODUCT.md "Incoming messages"). Every path (In-Reply-To,
 * References, our own Message-ID, the subject token) only points to a case: the message enters it
 * only when `sender` (normalised) is someone the case knows (`isKnownTo`), so that a stranger who
 * copies a reference, or guesses one, never slips a message into another person's case. The first
 * case refused is kept to be named on the new case. A merged case forwards to its master.
 */
export function matchThread(db: Database, mail: ThreadFields, sender: string): Threading {
  let refused: RefusedClaim | null = null;
  let examined = 0;
  for (const candidate of candidates(db, mail)) {
    if ((examined += 1) > maxCandidates) break;
    const master = masterOf(db, candidate.caseId);
    if (isKnownTo(db, [candidate.caseId, master], sender)) return { kind: 'match', match: { caseId: master, reason: candidate.reason } };
    refused ??= { caseId: master, number: numberOf(db, master) };
  }
  return refused ? { kind: 'refused', claim: refused } : { kind: 'none' };
}

/** In PRODUCT.md's order: messages we hold, then our own Message-IDs, then the subject token. */
function* candidates(db: Database, mail: ThreadFields): Generator<Candidate> {
  const ids = referencedIds(mail);
  for (const { id, reason } of ids) yield* holdersOf(db, id, reason);
  for (const { id } of ids) {
    const number = caseNumberOfMessageId(id);
    const found = number === null ? undefined : caseByNumber(db, number);
    if (found) yield { caseId: found.id, reason: 'message_id_reference' };
  }
  for (const number of caseNumbersInSubject(mail.subject)) {
    const found = caseByNumber(db, number);
    if (found) yield { caseId: found.id, reason: 'subject_reference' };
  }
}

/** In-Reply-To first, then References from the most recent (RFC 5322 §3.6.4 lists them oldest first). */
function referencedIds(mail: ThreadFields): { id: string; reason: AttachReason }[] {
  const references = mail.references.slice(-maxReferencesRead).reverse();
  return [
    ...messageIdsOf(mail.inReplyTo).map((id) => ({ id, reason: 'in_reply_to' as const })),
    ...references.map((id) => ({ id: id.trim(), reason: 'references' as const })),
  ];
}

/**
 * The cases of the messages we hold with this Message-ID, in either direction (the contact's
 * earlier mail or one of our replies), first holder first: an id may be reused (see duplicates.ts).
 */
function holdersOf(db: Database, id: string, reason: AttachReason): Candidate[] {
  return db.orm
    .select({ caseId: messages.caseId })
    .from(messages)
    .where(eq(messages.messageIdHeader, id))
    .orderBy(asc(messages.id))
    .limit(maxHoldersRead)
    .all()
    .map(({ caseId }) => ({ caseId, reason }));
}

function caseByNumber(db: Database, number: string) {
  return db.orm.select({ id: cases.id }).from(cases).where(eq(cases.number, number)).get();
}

function numberOf(db: Database, caseId: number): string {
  return db.orm.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)).get()?.number ?? '';
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
