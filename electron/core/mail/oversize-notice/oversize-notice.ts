import { eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import { cases, mailboxes } from '../../db/schema';
import { writeAutomaticMessage } from '../ingest/auto-notice';
import type { Arrival, Filing } from '../ingest/arrival';
import { ownAddresses } from '../ingest/own-addresses';
import { newMessageId } from '../outgoing-message';
import { oversizeNoticeMail } from './notice-mail';

/**
 * Tells the sender of an over-size message that it was not received, through the durable outbox
 * and tied to the case the message was filed in (written in the filing transaction: the notice is
 * sent, with retries, whatever happens to the app meanwhile). Never to a machine (auto-replies,
 * bounces, lists: a loop) nor to our own addresses; otherwise every time, whatever the
 * acknowledgement daily limit says: each over-size message is one the person believes delivered.
 */
export function queueOversizeNotice(filing: Filing, arrival: Arrival, caseId: number, tooLarge: { size: number; limit: number }): boolean {
  const { db } = filing;
  if (arrival.automatic !== null || ownAddresses(db).has(normalizeEmail(arrival.sender.address))) return false;
  const mailbox = db.orm.select().from(mailboxes).where(eq(mailboxes.id, arrival.mail.mailboxId)).get();
  const found = db.orm.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)).get();
  if (!mailbox || !found) return false;
  const messageIdHeader = newMessageId(found.number, mailbox.address);
  const payload = oversizeNoticeMail({ ...arrival.mail, tooLarge }, arrival.sender, mailbox, found.number, messageIdHeader);
  writeAutomaticMessage(db, { caseId, kind: 'oversize_notice', payload, messageIdHeader, at: filing.now.toISOString() });
  return true;
}
