import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiError } from '../../../shared/contract/errors';
import type { Desk, DeskRow, QueueSummary } from '../../../shared/domain/desk';
import { api, toApiError } from '../api';
import { useSessionStore } from './session';

const pageSize = 100;
/** A mail sync can change dozens of cases in a second: one reload for the whole burst. */
const reloadDelayMs = 250;

/** One desk at a time: its rows, the agent's queues for the navigation, and their freshness. */
export const useDeskStore = defineStore('desk', () => {
  const desk = ref<Desk | null>(null);
  const rows = ref<DeskRow[]>([]);
  const total = ref(0);
  const next = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const queues = ref<QueueSummary[]>([]);

  // Answers can come back out of order (a slow desk after a quick switch): only the latest counts.
  let generation = 0;
  let subscribed = false;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;

  function fail(cause: unknown): ApiError {
    const apiError = toApiError(cause);
    if (apiError.code === 'unauthenticated') useSessionStore().markExpired();
    return apiError;
  }

  async function open(target: Desk): Promise<void> {
    desk.value = target;
    rows.value = [];
    total.value = 0;
    next.value = null;
    await load();
  }

  /** (Re)loads the first page; after a change it keeps as many rows as the agent had scrolled to. */
  async function load(): Promise<void> {
    const target = desk.value;
    if (!target) return;
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const limit = Math.min(500, Math.max(pageSize, rows.value.length));
      const page = await api.desk.list({ desk: target, limit });
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

  async function loadMore(): Promise<void> {
    const target = desk.value;
    if (!target || !next.value || loading.value) return;
    const mine = ++generation;
    loading.value = true;
    try {
      const page = await api.desk.list({ desk: target, limit: pageSize, after: next.value });
      if (mine !== generation) return;
      rows.value = [...rows.value, ...page.rows];
      total.value = page.total;
      next.value = page.next;
    } catch (cause) {
      if (mine === generation) error.value = fail(cause);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function loadQueues(): Promise<void> {
    try {
      queues.value = await api.desk.queues();
    } catch (cause) {
      // The navigation keeps its last counts; the desk itself shows errors.
      fail(cause);
    }
  }

  function refreshSoon(): void {
    // Signed out (the subscription outlives sessions): nothing on screen to refresh.
    if (!desk.value) return;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      void load();
      void loadQueues();
    }, reloadDelayMs);
  }

  /** Subscribes once to the core's case events; the core is the authority, this is a cache. */
  function setUp(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('case.changed', refreshSoon);
  }

  /** Sign-out: another agent may sign in next on this window. */
  function reset(): void {
    generation++;
    clearTimeout(reloadTimer);
    desk.value = null;
    rows.value = [];
    total.value = 0;
    next.value = null;
    error.value = null;
    loading.value = false;
    queues.value = [];
  }

  return { desk, rows, total, next, loading, error, queues, open, load, loadMore, loadQueues, refreshSoon, setUp, reset };
});
