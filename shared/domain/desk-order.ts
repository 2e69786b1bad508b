import { caseStates } from './case-state';
import type { DeskRow, DeskSort } from './desk';

type Key = string | number;

/** The keys the core orders a desk by (`desk-sort.ts`), the id last: no two rows compare equal. */
const keysOf: Record<DeskSort['by'], (row: DeskRow) => Key[]> = {
  received: (row) => [row.receivedAt, row.id],
  number: (row) => [row.number, row.id],
  state: (row) => [caseStates.indexOf(row.state), row.receivedAt, row.id],
};

/**
 * Negative when `a` is listed before `b` in this sort, as the core lists them: a screen can then
 * put a row an event changed back at its place without reloading the desk.
 */
export function compareDeskRows(a: DeskRow, b: DeskRow, sort: DeskSort): number {
  const [left, right] = [keysOf[sort.by](a), keysOf[sort.by](b)];
  const sign = sort.direction === 'asc' ? 1 : -1;
  for (const [index, value] of left.entries()) {
    const other = right[index] as Key;
    // Strings compare by code unit, as SQLite's BINARY collation does on these ASCII keys.
    if (value !== other) return value < other ? -sign : sign;
  }
  return 0;
}

/**
 * The loaded rows of a desk after a burst of changes: the changed ones leave, and those the core
 * says the desk still holds (`fresh`) come back at their place. A row that sorts after the last
 * loaded one while more pages remain is left to its page (the cursor points there), never shown twice.
 */
export function patchDeskRows(
  rows: readonly DeskRow[],
  changedIds: readonly number[],
  fresh: readonly DeskRow[],
  sort: DeskSort,
  complete: boolean,
): DeskRow[] {
  const changed = new Set(changedIds);
  const boundary = rows.at(-1);
  const patched = rows.filter((row) => !changed.has(row.id));
  for (const row of fresh) {
    if (!complete && boundary && compareDeskRows(row, boundary, sort) > 0) continue;
    patched.splice(insertionIndex(patched, row, sort), 0, row);
  }
  return patched;
}

function insertionIndex(rows: readonly DeskRow[], row: DeskRow, sort: DeskSort): number {
  let [low, high] = [0, rows.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareDeskRows(rows[middle] as DeskRow, row, sort) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
