import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { cases, contacts, messages, queues } from '../../db/schema';
import { loadCase, recordChange } from '../../services/cases/case-rows';
import { queueNotice } from './auto-notice';
import { caseChange, type CaseChange } from './case-change';
import type { IngestDeps } from './create-ingest-sink';
import { isSyntheticKey } from './message-key';

/** Past the queue's announced delay, measured from the case's creation (when it was acknowledged). */
const delayPassed = (now: Date) =>
  sql`${cases.createdAt} <= strftime('%Y-%m-%dT%H:%M:%fZ', ${now.toISOString()}, '-' || ${queues.waitingDelayHours} || ' hours')`;

/** An agent's reply (not one of our automatic messages) answers the case. */
const answered = sql`EXISTS (SELECT 1 FROM ${messages} WHERE ${messages.caseId} = ${cases.id}
  AND ${messages.direction} = 'out' AND ${messages.autoSubmitted} = 0)`;

/**
 * Cases owed a waiting message ("message d'attente", PRODUCT.md "Incoming routing"): still `todo`, never
 * answered, past their queue's delay, not merged away, and not sent one already (at most once).
 */
function dueCases(db: Database, now: Date, caseId?: number) {
  return db.orm
    .select({ id: cases.id, text: queues.waitingMessageText, queueMailboxId: queues.mailboxId, email: contacts.email })
    .from(cases)
    .innerJoin(queues, eq(queues.id, cases.queueId))
    .innerJoin(contacts, eq(contacts.id, cases.contactId))
    .where(
      and(
        caseId === undefined ? undefined : eq(cases.id, caseId),
        eq(cases.state, 'todo'),
        isNull(cases.waitingNoticeSentAt),
        isNull(cases.mergedIntoId),
        isNotNull(queues.waitingMessageText),
        isNotNull(queues.waitingDelayHours),
        delayPassed(now),
        sql`NOT ${answered}`,
      ),
    )
    .orderBy(asc(cases.id))
    .all();
}

/** The message that opened the case: it says where the contact wrote, and whether a person did. */
function openingMessage(db: Database, caseId: number) {
  return db.orm
    .select({ header: messages.messageIdHeader, mailboxId: messages.mailboxId, automatic: messages.autoSubmitted })
    .from(messages)
    .where(and(eq(messages.caseId, caseId), eq(messages.direction, 'in')))
    .orderBy(asc(messages.id))
    .get();
}

/**
 * One case in its own transaction, checked again under the write lock (another process may have
 * answered it or sent the message since the sweep read it). Never to a case a machine opened; a
 * message held back by the daily limit is tried again at the next sweep.
 */
function sendOne(db: Database, caseId: number, now: Date): CaseChange | null {
  const due = dueCases(db, now, caseId)[0];
  const opening = openingMessage(db, caseId);
  if (!due?.text || !due.email || !opening || opening.automatic) return null;
  const mailboxId = due.queueMailboxId ?? opening.mailboxId;
  if (mailboxId === null) return null;
  // Threaded under the contact's message, which a synthetic key cannot be (nobody else knows it).
  const inReplyTo = opening.header && !isSyntheticKey(opening.header) ? opening.header : null;
  const result = queueNotice(db, {
    kind: 'waiting_message',
    caseId,
    body: due.text,
    to: { address: due.email },
    mailboxId,
    inReplyTo,
    references: inReplyTo ? [inReplyTo] : [],
    now,
  });
  if (result !== 'queued') return null;
  const at = now.toISOString();
  recordChange(db, loadCase(db, caseId), { agentId: null, action: 'waiting_message', at, set: { waitingNoticeSentAt: at } });
  return caseChange(db, caseId);
}

export function createWaitingMessageSender({ db, clock, events }: Pick<IngestDeps, 'db' | 'clock' | 'events'>) {
  const send = db.sqlite.transaction((caseId: number, now: Date) => sendOne(db, caseId, now));
  return {
    /** Run periodically (by the mail supervisor): writes the waiting messages now due; returns how many. */
    sendDueWaitingMessages(now: Date = clock.now()): number {
      let sent = 0;
      for (const { id } of dueCases(db, now)) {
        const change = send.immediate(id, now);
        if (!change) continue;
        events.emit('case.changed', change);
        sent += 1;
      }
      return sent;
    },
  };
}
