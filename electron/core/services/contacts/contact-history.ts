import { desc, eq } from 'drizzle-orm';
import type { ContactCase } from '../../../../shared/domain/contact-view';
import type { Database } from '../../db/database';
import { cases, queues } from '../../db/schema';

/**
 * Every case of the contact, newest first (PRODUCT.md "Consulting a case and a contact"): date, number,
 * media, first subject, current state. Merged cases are listed too: they remain the contact's cases.
 * The media is the queue's, which case creation keeps equal to the form's.
 */
export function contactCases(db: Database, contactId: number): ContactCase[] {
  return db.orm
    .select({
      id: cases.id,
      number: cases.number,
      receivedAt: cases.receivedAt,
      media: queues.media,
      subject: cases.subject,
      state: cases.state,
    })
    .from(cases)
    .innerJoin(queues, eq(queues.id, cases.queueId))
    .where(eq(cases.contactId, contactId))
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .all();
}
