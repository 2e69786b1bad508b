import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DeskFilters } from '../../../shared/domain/desk';
import { cases, qualifications } from '../db/schema';

/** The filters of a desk or a search as one condition on `cases` (undefined: no filter). */
export function filterCondition(filters: DeskFilters): SQL | undefined {
  return and(
    filters.states ? inArray(cases.state, filters.states) : undefined,
    filters.queueId === undefined ? undefined : eq(cases.queueId, filters.queueId),
    filters.assigneeId === undefined ? undefined : eq(cases.assigneeId, filters.assigneeId),
    filters.qualificationId === undefined ? undefined : inQualificationTree(filters.qualificationId),
    filters.receivedFrom ? gte(cases.receivedAt, localDayStart(filters.receivedFrom)) : undefined,
    filters.receivedTo ? lt(cases.receivedAt, localDayStart(filters.receivedTo, 1)) : undefined,
    filters.unreadOnly ? eq(cases.unread, true) : undefined,
  );
}

/** Choosing "Facturation" also finds the cases qualified "Remboursement", one of its children. */
function inQualificationTree(rootId: number): SQL {
  return sql`${cases.qualificationId} IN (
    WITH RECURSIVE tree(id) AS (
      SELECT ${rootId}
      UNION ALL SELECT ${qualifications.id} FROM ${qualifications}
      JOIN tree ON ${qualifications.parentId} = tree.id
    ) SELECT id FROM tree)`;
}

/**
 * The instant a calendar day starts on this machine, as stored (UTC ISO): the core runs on the
 * agent's own computer, whose time zone is the centre's, so "le 10 mars" means their 10 March.
 */
export function localDayStart(isoDay: string, plusDays = 0): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  // setFullYear, because `new Date(y, …)` reads years 0 to 99 as 1900 to 1999.
  const start = new Date(2000, 0, 1);
  start.setFullYear(year, month - 1, day + plusDays);
  return start.toISOString();
}
