import { eq } from 'drizzle-orm';
import { queues } from '../../db/schema';
import type { Arrival, Filing } from './arrival';
import { queueNotice, type NoticeResult } from './auto-notice';
import { answerableId } from './message-key';

/** References carried on, as RFC 5322 §3.6.4 asks, but bounded: a hostile message may carry thousands. */
const maxReferences = 20;

/**
 * The queue's acknowledgement ("accusé de réception", PRODUCT.md "Incoming routing") for a case a person
 * just opened, answering their message; null when the queue sends none. From the queue's mailbox,
 * else the one the contact wrote to. The caller never calls it for a machine's message.
 */
export function acknowledge(filing: Filing, arrival: Arrival, caseId: number, queueId: number): NoticeResult | null {
  const queue = filing.db.orm
    .select({ text: queues.acknowledgementText, mailboxId: queues.mailboxId })
    .from(queues)
    .where(eq(queues.id, queueId))
    .get();
  if (!queue?.text) return null;
  const answered = answerableId(arrival.key);
  return queueNotice(filing.db, {
    kind: 'acknowledgement',
    caseId,
    body: queue.text,
    to: arrival.sender,
    mailboxId: queue.mailboxId ?? arrival.mail.mailboxId,
    inReplyTo: answered,
    references: answered ? [...arrival.mail.references.slice(1 - maxReferences), answered] : [],
    now: filing.now,
  });
}
