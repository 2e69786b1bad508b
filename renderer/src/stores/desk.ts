import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ApiError } from '../../../shared/contract/errors';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { Desk, DeskFilters, DeskSort, QueueSummary } from '../../../shared/domain/desk';
import { patchDeskRows } from '../../../shared/domain/desk-order';
import { api, toApiError } from '../api';
import { fetchChanged, fetchPage, type DeskView, type ListedRow, type PageStart } from './desk-pages';
import { useSessionStore } from './session';

/**
 * Rows per call as the agent scrolls: a 500-row page costs the core about 25 ms on a 10 000-case
 * desk, and fewer, larger calls disturbed frames less than 250-row ones in the frame test.
 */
const pageSize = 500;
/** The first page only fills the screen a few times over: a new filter shows at once. */
const firstPageSize = 100;
/** A mail sync can change dozens of cases in a second: one refresh for the whole burst. */
const refreshDelayMs = 250;
/** Beyond this many changed cases at once, reloading is simpler than patching. */
const patchMax = 500;
const defaultSort: DeskSort = { by: 'received', direction: 'desc' };

/**
 * One desk at a time: its view (filters, sort, search), the rows loaded so far page by page as the
 * agent scrolls, and the agent's queues for the navigation. The core is the authority; this is a
 * cache that `case.changed` events keep fresh.
 */
export const useDeskStore = defineStore('desk', () => {
  const desk = ref<Desk | null>(null);
  const filters = ref<DeskFilters>({});
  const sort = ref<DeskSort>(defaultSort);
  const search = ref('');
  // Shallow: thousands of rows, replaced whole, never mutated: no deep reactivity to pay for.
  const rows = shallowRef<ListedRow[]>([]);
  const total = ref(0);
  const next = ref<PageStart | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const queues = ref<QueueSummary[]>([]);
  /** Every agent, for a supervisor's agent picker and assignee filter. */
  const agents = ref<AgentSummary[]>([]);

  const view = computed<DeskView | null>(() =>
    desk.value ? { desk: desk.value, filters: filters.value, sort: sort.value, search: search.value } : null,
  );

  // Answers can come back out of order (a slow desk after a quick switch): only the latest view counts.
  let generation = 0;
  // Pages and patches run one after the other: each builds on the rows the previous one left.
  let chain: Promise<void> = Promise.resolve();
  let subscribed = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingIds = new Set<number>();
  let pendingReload = false;
  /**
   * How far the agent had scrolled each view they left (a desk with its filters, sort and search: an
   * offset means nothing in another list), to find it there again on coming back from a case.
   */
  const scrollTops = new Map<string, number>();

  function fail(cause: unknown): ApiError {
    const apiError = toApiError(cause);
    if (apiError.code === 'unauthenticated') useSessionStore().markExpired();
    return apiError;
  }

  function serially(task: (mine: number) => Promise<void>): Promise<void> {
    const mine = generation;
    chain = chain.then(() => (mine === generation ? task(mine) : undefined)).catch((cause: unknown) => {
      if (mine === generation) error.value = fail(cause);
    });
    return chain;
  }

  /** Shows a desk; coming back to the same one (from a case) keeps its filters and search. */
  async function open(target: Desk): Promise<void> {
    if (JSON.stringify(target) === JSON.stringify(desk.value)) return load();
    desk.value = target;
    filters.value = {};
    search.value = '';
    rows.value = [];
    total.value = 0;
    await load();
  }

  function setFilters(next: DeskFilters): Promise<void> {
    filters.value = next;
    return load();
  }

  function setSort(next: DeskSort): Promise<void> {
    sort.value = next;
    return load();
  }

  function setSearch(text: string): Promise<void> {
    search.value = text.trim();
    return load();
  }

  /** (Re)loads the first page of the view; later pages come as the agent scrolls (`ensureLoaded`). */
  async function load(): Promise<void> {
    const current = view.value;
    if (!current) return;
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    // The rows stay on screen until the answer replaces them; no page may follow the old cursor.
    next.value = null;
    try {
      const page = await fetchPage(current, null, firstPageSize);
      if (mine !== generation) return;
      rows.value = page.rows;
      total.value = page.total;
      next.value = page.next;
    } catch (cause) {
      if (mine === generation) error.value = fail(cause);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function keepScroll(top: number): void {
    if (view.value) scrollTops.set(JSON.stringify(view.value), top);
  }

  /** Where the current view was left; its top if never. */
  function keptScroll(): number {
    return view.value ? (scrollTops.get(JSON.stringify(view.value)) ?? 0) : 0;
  }

  /** Loads pages until row `index` is there (or the view has no more): what scrolling asks for. */
  function ensureLoaded(index: number): Promise<void> {
    return serially(async (mine) => {
      while (rows.value.length <= index && next.value !== null && view.value) {
        const page = await fetchPage(view.value, next.value, pageSize);
        if (mine !== generation) return;
        rows.value = [...rows.value, ...page.rows];
        total.value = page.total;
        next.value = page.next;
      }
    });
  }

  async function loadQueues(): Promise<void> {
    try {
      queues.value = await api.desk.queues();
    } catch (cause) {
      // The navigation keeps its last counts; the desk itself shows errors.
      fail(cause);
    }
  }

  async function loadAgents(): Promise<void> {
    try {
      agents.value = await api.session.colleagues();
    } catch (cause) {
      // Without the list, the picker offers the supervisor's own desks only.
      fail(cause);
    }
  }

  /**
   * After changes elsewhere: the cases named are patched in place; without names (an action of
   * this window), the view reloads. Debounced, so a burst of events costs one refresh.
   */
  function refreshSoon(caseIds?: readonly number[]): void {
    // Signed out (the subscription outlives sessions): nothing on screen to refresh.
    if (!desk.value) return;
    if (caseIds) for (const id of caseIds) pendingIds.add(id);
    else pendingReload = true;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(flushChanges, refreshDelayMs);
  }

  function flushChanges(): void {
    const ids = [...pendingIds];
    const reload = pendingReload || ids.length > patchMax || search.value !== '';
    pendingIds = new Set();
    pendingReload = false;
    void loadQueues();
    if (reload) void load();
    else if (ids.length > 0) void patch(ids);
  }

  function patch(ids: number[]): Promise<void> {
    return serially(async (mine) => {
      const current = view.value;
      if (!current) return;
      const changed = await fetchChanged(current, ids);
      if (mine !== generation) return;
      rows.value = patchDeskRows(rows.value, ids, changed.rows, current.sort, next.value === null);
      total.value = changed.total;
    });
  }

  /** Subscribes once to the core's case events. */
  function setUp(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('case.changed', (event) => refreshSoon([event.caseId]));
  }

  /** Sign-out: another agent may sign in next on this window. */
  function reset(): void {
    generation++;
    clearTimeout(refreshTimer);
    pendingIds = new Set();
    pendingReload = false;
    desk.value = null;
    filters.value = {};
    sort.value = defaultSort;
    search.value = '';
    rows.value = [];
    total.value = 0;
    next.value = null;
    error.value = null;
    loading.value = false;
    queues.value = [];
    agents.value = [];
    scrollTops.clear();
  }

  return {
    desk, filters, sort, search, rows, total, next, loading, error, queues, agents,
    open, load, setFilters, setSort, setSearch, ensureLoaded, keepScroll, keptScroll, loadQueues, loadAgents, refreshSoon, setUp, reset,
  };
});
