import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { DeskPage, deskQuerySchema, QueueSummary } from '../../../shared/domain/desk';
import type { Database } from '../db/database';
import { cases, queueMembers, queues } from '../db/schema';
import { canSupervise } from './access';
import { filterCondition } from './desk-filters';
import { selectDeskRows, toDeskRow } from './desk-rows';
import { deskCondition, waitingInQueue } from './desk-scope';
import { afterCursor, cursorAfter, deskOrder } from './desk-sort';

type DeskQuery = z.output<typeof deskQuerySchema>;

/**
 * One page of a desk as a statement (what `list` runs, and what the query-plan tests explain):
 * the desk and its filters, after the cursor, in the chosen order.
 */
export function deskPageStatement(db: Database, query: DeskQuery, scope: SQL) {
  return selectDeskRows(db)
    .where(query.after ? and(scope, afterCursor(query.sort, query.after)) : scope)
    .orderBy(...deskOrder(query.sort))
    // One row more than asked tells whether a next page exists.
    .limit(query.limit + 1);
}

/** The desk's cases that pass the filters (and among `only`, if given), whatever the page: what `total` counts. */
export function deskScope(db: Database, query: DeskQuery, actor: AgentSummary): SQL {
  const only = query.only ? inArray(cases.id, query.only) : undefined;
  return and(deskCondition(db, query.desk, actor), filterCondition(query.filters), only) as SQL;
}

/** The lists of cases agents work from (PRODUCT.md "Case states", "Roles"), filtered, sorted, by pages. */
export function createDeskService(db: Database) {
  function list(query: DeskQuery, actor: AgentSummary): DeskPage {
    const scope = deskScope(db, query, actor);
    const page = deskPageStatement(db, query, scope).all();
    const rows = page.slice(0, query.limit).map(toDeskRow);
    const last = rows.at(-1);
    const next = page.length > query.limit && last ? cursorAfter(query.sort, last) : null;
    return { rows, next, total: countCases(scope) };
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
