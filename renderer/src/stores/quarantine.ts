import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiError } from '../../../shared/contract/errors';
import type { QuarantineEntry, QuarantineQueue, QuarantineRetry } from '../../../shared/domain/quarantine';
import { api, toApiError } from '../api';
import { saveFile } from '../components/case/save-file';
import { useSessionStore } from './session';

/** What the last action did, for the line above the list. */
export type QuarantineOutcome =
  | { kind: 'retried'; result: QuarantineRetry }
  | { kind: 'created'; caseId: number; number: string; queue: string };

/**
 * The quarantine of unfiled mail (issue 12), for administrators and supervisors: the header's
 * count (`quarantine.count`, then `quarantine.changed`) and the screen's list, newest first, by
 * pages. The core is the authority: after every action the first page is asked again.
 */
export const useQuarantineStore = defineStore('quarantine', () => {
  const count = ref(0);
  const entries = ref<QuarantineEntry[]>([]);
  /** `before` of the next page; null once the oldest message is shown. */
  const next = ref<number | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<ApiError | null>(null);
  const queues = ref<QuarantineQueue[]>([]);
  const outcome = ref<QuarantineOutcome | null>(null);
  /** The entry an action is running on: its buttons wait. */
  const busyId = ref<number | null>(null);
  let subscribed = false;

  function fail(cause: unknown): ApiError {
    const apiError = toApiError(cause);
    if (apiError.code === 'unauthenticated') useSessionStore().markExpired();
    error.value = apiError;
    return apiError;
  }

  async function loadCount(): Promise<void> {
    try {
      count.value = (await api.quarantine.count()).count;
    } catch {
      // A hint in the header: without it the link simply shows no number.
    }
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const page = await api.quarantine.list({});
      entries.value = page.entries;
      next.value = page.next;
      loaded.value = true;
      error.value = null;
    } catch (cause) {
      fail(cause);
    } finally {
      loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (next.value === null || loading.value) return;
    loading.value = true;
    try {
      const page = await api.quarantine.list({ before: next.value });
      entries.value = [...entries.value, ...page.entries];
      next.value = page.next;
    } catch (cause) {
      fail(cause);
    } finally {
      loading.value = false;
    }
  }

  async function loadQueues(): Promise<void> {
    try {
      queues.value = await api.quarantine.queues();
    } catch (cause) {
      fail(cause);
    }
  }

  /** Runs one action on one entry, then shows the list as the core has it now. */
  async function act<T>(id: number, call: () => Promise<T>): Promise<T | null> {
    busyId.value = id;
    try {
      const result = await call();
      error.value = null;
      await load();
      return result;
    } catch (cause) {
      fail(cause);
      return null;
    } finally {
      busyId.value = null;
    }
  }

  async function download(id: number): Promise<void> {
    busyId.value = id;
    try {
      saveFile(await api.quarantine.source({ id }));
      error.value = null;
    } catch (cause) {
      fail(cause);
    } finally {
      busyId.value = null;
    }
  }

  async function retry(id: number): Promise<void> {
    const result = await act(id, () => api.quarantine.retry({ id }));
    if (result) outcome.value = { kind: 'retried', result };
  }

  /** Field errors come back to the dialog; anything else shows above the list. */
  async function createCase(id: number, queueId: number, contactEmail: string): Promise<Record<string, string> | null> {
    busyId.value = id;
    try {
      const created = await api.quarantine.createCase({ id, queueId, contactEmail });
      const queue = queues.value.find((candidate) => candidate.id === queueId)?.name ?? '';
      outcome.value = { kind: 'created', ...created, queue };
      error.value = null;
      await load();
      return null;
    } catch (cause) {
      const apiError = toApiError(cause);
      if (apiError.fields) return apiError.fields;
      fail(apiError);
      return null;
    } finally {
      busyId.value = null;
    }
  }

  async function remove(id: number): Promise<void> {
    await act(id, () => api.quarantine.delete({ id }));
  }

  /** Subscribes once; `loadCount` again after sign-in or a reconnection. */
  function setUp(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('quarantine.changed', (changed) => {
      count.value = changed.count;
      // The sync set a message aside while the screen is open: it shows without a reload.
      if (loaded.value && busyId.value === null) void load();
    });
  }

  /** The screen closed: the list no longer follows the events (the count still does). */
  function close(): void {
    loaded.value = false;
    outcome.value = null;
  }

  function reset(): void {
    count.value = 0;
    entries.value = [];
    next.value = null;
    loaded.value = false;
    error.value = null;
    outcome.value = null;
  }

  return { count, entries, next, loading, loaded, error, queues, outcome, busyId, loadCount, load, loadMore, loadQueues, download, retry, createCase, remove, setUp, close, reset };
});
