import { and, asc, count, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { DeskPage, DeskRow, deskQuerySchema, QueueSummary } from '../../../shared/domain/desk';
import type { Database } from '../db/database';
import { agents, cases, contacts, queueMembers, queues } from '../db/schema';
import { canSupervise } from './access';
import { decodeDeskCursor, encodeDeskCursor, type DeskCursor } from './desk-cursor';
import { deskCondition, waitingInQueue } from './desk-scope';

type DeskQuery = z.output<typeof deskQuerySchema>;

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

/** The lists of cases agents work from (SPEC "Case states", "Roles"), newest first, by pages. */
export function createDeskService(db: Database) {
  function list(query: DeskQuery, actor: AgentSummary): DeskPage {
    const desk = deskCondition(db, query.desk, actor);
    const page = db.orm
      .select(rowColumns)
      .from(cases)
      .innerJoin(queues, eq(queues.id, cases.queueId))
      .innerJoin(contacts, eq(contacts.id, cases.contactId))
      .leftJoin(agents, eq(agents.id, cases.assigneeId))
      .where(query.after ? and(desk, after(decodeDeskCursor(query.after))) : desk)
      .orderBy(desc(cases.receivedAt), desc(cases.id))
      // One row more than asked tells whether a next page exists.
      .limit(query.limit + 1)
      .all();
    const rows = page.slice(0, query.limit).map(toDeskRow);
    const last = rows.at(-1);
    const next = page.length > query.limit && last ? encodeDeskCursor(last) : null;
    return { rows, next, total: countCases(desk) };
  }

  function queueSummaries(actor: AgentSummary): QueueSummary[] {
    const memberOf = db.orm
      .select({ id: queueMembers.queueId })
      .from(queueMembers)
      .where(eq(queueMembers.agentId, actor.id));
    const visible = canSupervise(actor) ? undefined : inArray(queues.id, memberOf);
    return db.orm
      .select({
        id: queues.id,
        name: queues.name,
        media: queues.media,
        distribution: queues.distribution,
        waiting: count(cases.id),
      })
      .from(queues)
      .leftJoin(cases, and(eq(cases.queueId, queues.id), waitingInQueue))
      .where(and(eq(queues.active, true), visible))
      .groupBy(queues.id)
      .orderBy(asc(queues.name))
      .all();
  }

  function countCases(condition: SQL): number {
    return db.orm.select({ n: count() }).from(cases).where(condition).get()?.n ?? 0;
  }

  return { list, queues: queueSummaries };
}

/** Strictly after the cursor in (received_at DESC, id DESC) order: stable while cases move. */
function after(cursor: DeskCursor): SQL {
  return or(
    lt(cases.receivedAt, cursor.receivedAt),
    and(eq(cases.receivedAt, cursor.receivedAt), lt(cases.id, cursor.id)),
  ) as SQL;
}

type SelectedRow = Omit<DeskRow, 'contactName'> & { firstName: string; lastName: string };

function toDeskRow({ firstName, lastName, ...row }: SelectedRow): DeskRow {
  return { ...row, contactName: `${firstName} ${lastName}`.trim() };
}
