import { eq } from 'drizzle-orm';
import type { DeskRow } from '../../../shared/domain/desk';
import type { Database } from '../db/database';
import { agents, cases, contacts, queues } from '../db/schema';

const rowColumns = {
  id: cases.id,
  number: cases.number,
  subject: cases.subject,
  state: cases.state,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  queueId: cases.queueId,
  queueName: queues.name,
  media: queues.media,
  assigneeId: cases.assigneeId,
  assigneeName: agents.displayName,
  receivedAt: cases.receivedAt,
  unread: cases.unread,
  version: cases.version,
};

/** The rows of the desks and of search results, with what the list shows; the caller adds `where`. */
export function selectDeskRows(db: Database) {
  return db.orm
    .select(rowColumns)
    .from(cases)
    .innerJoin(queues, eq(queues.id, cases.queueId))
    .innerJoin(contacts, eq(contacts.id, cases.contactId))
    .leftJoin(agents, eq(agents.id, cases.assigneeId));
}

type SelectedRow = Omit<DeskRow, 'contactName'> & { firstName: string; lastName: string };

export function toDeskRow({ firstName, lastName, ...row }: SelectedRow): DeskRow {
  return { ...row, contactName: `${firstName} ${lastName}`.trim() };
}
