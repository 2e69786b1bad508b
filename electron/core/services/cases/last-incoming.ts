import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { messages } from '../../db/schema';
import type { QuotedMessage } from '../../mail/outgoing-message';

/** The contact's latest message on the case: what a reply answers, threads under and quotes. */
export function lastIncoming(db: Database, caseId: number): QuotedMessage | null {
  const row = db.orm
    .select({
      messageIdHeader: messages.messageIdHeader,
      references: messages.references,
      from: messages.from,
      date: messages.date,
      html: messages.html,
      text: messages.text,
    })
    .from(messages)
    .where(and(eq(messages.caseId, caseId), eq(messages.direction, 'in')))
    .orderBy(desc(messages.date), desc(messages.id))
    .limit(1)
    .get();
  return row ?? null;
}
