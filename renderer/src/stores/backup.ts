import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { BackupList, BackupStatus, ExportResult, RestoreInput } from '../../../shared/domain/backup';
import { api, toApiError } from '../api';
import { useSessionStore } from './session';

/** How often the screen asks for the progress of a long job. */
const pollMs = 400;

/**
 * « Sauvegarde et journal » (issue 13), as last read from the core. Long jobs (backup, export,
 * restore, check) answer when done; meanwhile `status` is polled, so the screen shows progress,
 * also of the daily backup the app started by itself. Failures are thrown as ApiError.
 */
export const useBackupStore = defineStore('backup', () => {
  const list = ref<BackupList | null>(null);
  const status = ref<BackupStatus | null>(null);
  const logLines = ref<string[] | null>(null);
  let polling: ReturnType<typeof setInterval> | null = null;

  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (cause) {
      const apiError = toApiError(cause);
      if (apiError.code === 'unauthenticated') useSessionStore().markExpired();
      throw apiError;
    }
  }

  const loadList = async () => void (list.value = await guard(() => api.backup.list()));
  const loadStatus = async () => void (status.value = await guard(() => api.backup.status()));

  /** On arrival: the list, and the progress of a job already running (the daily backup). */
  async function load(): Promise<void> {
    await Promise.all([loadList(), loadStatus()]);
    if (status.value?.running) follow();
  }

  /** Polls until the running job ends, then reads the list again. */
  function follow(): void {
    if (polling) return;
    polling = setInterval(() => {
      void loadStatus()
        .then(() => {
          if (status.value?.running) return;
          stopPolling();
          return loadList();
        })
        .catch(stopPolling);
    }, pollMs);
  }

  function stopPolling(): void {
    if (polling) clearInterval(polling);
    polling = null;
  }

  /** Runs a long call with its progress shown, then reads status and list again. */
  async function track<T>(work: () => Promise<T>): Promise<T> {
    follow();
    try {
      return await guard(work);
    } finally {
      stopPolling();
      // The list first: when the status says « terminée », the new backup is already shown.
      await loadList()
        .then(loadStatus)
        .catch(() => undefined);
    }
  }

  const runNow = () => track(() => api.backup.run());
  const verify = (name: string) => track(() => api.backup.verify({ name }));
  const exportAll = (folder: string): Promise<ExportResult> => track(() => api.backup.exportAll({ folder }));
  const restore = (input: RestoreInput) => track(() => api.backup.restore(input));

  const openLog = async () => void (logLines.value = (await guard(() => api.backup.logTail({ lines: 300 }))).lines);
  /** The journal as a file, for the screen to save as it saves a case's files. */
  const logFile = () => guard(() => api.backup.logFile());

  return { list, status, logLines, load, loadList, runNow, verify, exportAll, restore, openLog, logFile, stopPolling };
});
