import type { Desk, DeskFilters, DeskRow, DeskSort } from '../../../shared/domain/desk';
import type { SearchRow } from '../../../shared/domain/desk-search';
import { api } from '../api';

/** What the desk screen shows: a desk, narrowed by filters, in an order, or searched. */
export interface DeskView {
  desk: Desk;
  filters: DeskFilters;
  sort: DeskSort;
  /** Full-text search within the desk; empty, the desk in the chosen order. */
  search: string;
}

/** A row of the list: a desk's, or a search's with its snippet. */
export type ListedRow = DeskRow | SearchRow;

/** Where the next page starts: the desk's keyset cursor, or the search's offset. */
export type PageStart = string | number;

export interface Page {
  rows: ListedRow[];
  total: number;
  next: PageStart | null;
}

/** The search call pages by 100 at most; desks by 500. */
const searchPageMax = 100;

/** One page of the view, from its start, whichever call serves it. */
export async function fetchPage(view: DeskView, start: PageStart | null, limit: number): Promise<Page> {
  if (view.search) {
    const page = await api.desk.search({
      q: view.search,
      desk: view.desk,
      filters: view.filters,
      limit: Math.min(limit, searchPageMax),
      offset: typeof start === 'number' ? start : 0,
    });
    return { rows: page.rows, total: page.total, next: page.nextOffset };
  }
  const page = await api.desk.list({
    desk: view.desk,
    filters: view.filters,
    sort: view.sort,
    limit,
    ...(typeof start === 'string' ? { after: start } : {}),
  });
  return { rows: page.rows, total: page.total, next: page.next };
}

/**
 * The cases a burst of events named that the desk still holds, and the desk's new total: two small
 * calls instead of reloading every row the agent scrolled through.
 */
export async function fetchChanged(view: DeskView, caseIds: number[]): Promise<{ rows: DeskRow[]; total: number }> {
  const base = { desk: view.desk, filters: view.filters, sort: view.sort };
  const [changed, count] = await Promise.all([
    api.desk.list({ ...base, only: caseIds, limit: caseIds.length }),
    api.desk.list({ ...base, limit: 1 }),
  ]);
  return { rows: changed.rows, total: count.total };
}
