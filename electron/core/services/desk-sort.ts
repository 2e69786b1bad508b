import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { caseStates, type CaseState } from '../../../shared/domain/case-state';
import type { DeskSort } from '../../../shared/domain/desk';
import { cases } from '../db/schema';
import { decodeDeskCursor, encodeDeskCursor, type CursorKey } from './desk-cursor';

/** What a sort key reads from a listed row to make the next page's cursor. */
export interface SortableRow {
  id: number;
  number: string;
  state: CaseState;
  receivedAt: string;
}

interface SortKey {
  expression: SQLiteColumn | SQL;
  of(row: SortableRow): CursorKey;
}

/** The workflow order of PRODUCT.md "Case states" (A traiter … Clos), not the alphabetical order of the codes. */
const stateRank = sql`(CASE ${cases.state} ${sql.join(
  caseStates.map((state, rank) => sql`WHEN ${state} THEN ${rank}`),
  sql` `,
)} END)`;

const received: SortKey = { expression: cases.receivedAt, of: (row) => row.receivedAt };

// Numbers are zero-padded and unique: their text order is their numeric order.
const keys: Record<DeskSort['by'], SortKey[]> = {
  received: [received],
  number: [{ expression: cases.number, of: (row) => row.number }],
  state: [{ expression: stateRank, of: (row) => caseStates.indexOf(row.state) }, received],
};

const sortName = (sort: DeskSort) => `${sort.by}:${sort.direction}`;

/** The sort's keys then the id, all in the sort's direction. */
function orderedExpressions(sort: DeskSort): (SQLiteColumn | SQL)[] {
  return [...keys[sort.by].map((key) => key.expression), cases.id];
}

export function deskOrder(sort: DeskSort): SQL[] {
  const direction = sort.direction === 'asc' ? asc : desc;
  return orderedExpressions(sort).map((expression) => direction(expression));
}

/**
 * Strictly after the cursor in the sort's order, as one row-value comparison: SQLite turns it into
 * an index range when the leading key is indexed, and it stays right while cases move.
 */
export function afterCursor(sort: DeskSort, token: string): SQL {
  const cursor = decodeDeskCursor(token, sortName(sort), keys[sort.by].length);
  const values = [...cursor.keys, cursor.id].map((value) => sql`${value}`);
  const operator = sort.direction === 'asc' ? sql`>` : sql`<`;
  return sql`(${sql.join(orderedExpressions(sort), sql`, `)}) ${operator} (${sql.join(values, sql`, `)})`;
}

export function cursorAfter(sort: DeskSort, row: SortableRow): string {
  return encodeDeskCursor({ sort: sortName(sort), keys: keys[sort.by].map((key) => key.of(row)), id: row.id });
}
