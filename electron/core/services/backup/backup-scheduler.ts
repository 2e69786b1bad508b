import type { Core } from '../../create-core';
import type { Clock } from '../../ports';
import { readSettings } from '../admin/settings';
import { listBackups } from './backup-folder';
import { backupJobs } from './backup-jobs';
import { runBackup } from './run-backup';

export interface BackupSchedulerOptions {
  /** The app's version, written in each manifest. */
  version: string;
  /** The core's clock unless a test moves its own. */
  clock?: Clock;
  /** How often it looks whether a backup is due. */
  checkEveryMs?: number;
  /** The first look, a while after start: starting the app must not wait for a backup. */
  firstCheckMs?: number;
}

export type TickOutcome = 'no_folder' | 'not_due' | 'busy' | 'done' | 'failed';

export interface BackupScheduler {
  /** One look: backs up if the newest complete backup is a day old (or there is none). */
  tick(): Promise<TickOutcome>;
  stop(): void;
}

const hour = 60 * 60 * 1000;
/**
 * A backup is due 23 hours after the last one: with a check every hour, the daily backup then keeps
 * its time of day instead of drifting an hour later each day.
 */
const dueAfterMs = 23 * hour;

/**
 * The daily backup, started by whoever runs the app beside the mail runtime (browser host, Electron
 * main), never by createCore: tests of the core run without timers. It shares the core's job lock
 * (backup-jobs.ts) with « Sauvegarder maintenant », so the two never write at once, and the screen's
 * progress shows the daily one too.
 */
export function startBackupScheduler(core: Pick<Core, 'db' | 'dataDir' | 'clock' | 'log'>, options: BackupSchedulerOptions): BackupScheduler {
  // Read at each look, not at start: starting the scheduler touches nothing of the core.
  const clock = () => options.clock ?? core.clock;
  const log = () => core.log.scoped('backup');

  async function tick(): Promise<TickOutcome> {
    const source = { db: core.db, dataDir: core.dataDir, clock: clock(), log: log(), version: options.version };
    const { backupFolder, backupKeep } = readSettings(core.db);
    if (!backupFolder) return 'no_folder';
    const newest = (await listBackups(backupFolder)).find((entry) => entry.complete);
    if (newest?.complete && source.clock.now().getTime() - new Date(newest.createdAt).getTime() < dueAfterMs) return 'not_due';
    const jobs = backupJobs(core.db, source.clock);
    // A job already running (« Sauvegarder maintenant », an export): the next look comes back.
    if (jobs.status().running) return 'busy';
    try {
      await runBackup(source, jobs, backupFolder, backupKeep);
      return 'done';
    } catch {
      return 'failed'; // runBackup wrote why in the journal
    }
  }

  const look = () => void tick().catch((error: unknown) => log().error('daily backup check failed', error));
  const first = setTimeout(look, options.firstCheckMs ?? 5 * 60 * 1000);
  const timer = setInterval(look, options.checkEveryMs ?? hour);
  first.unref();
  timer.unref();
  return {
    tick,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
