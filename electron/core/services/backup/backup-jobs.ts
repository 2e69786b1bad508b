import { AppFailure } from '../../../../shared/contract';
import type { BackupJobKind, BackupProgress, BackupStatus, BackupStep } from '../../../../shared/domain/backup';
import type { Database } from '../../db/database';
import type { Clock } from '../../ports';

export type ReportProgress = (step: BackupStep, done: number, total: number) => void;

export interface BackupJobs {
  /** Runs one long job; refused while another runs. Its progress is what `status` shows. */
  run<T>(kind: BackupJobKind, work: (report: ReportProgress) => Promise<T>, describe: (result: T) => string): Promise<T>;
  status(): BackupStatus;
}

const busy: Record<BackupJobKind, string> = {
  backup: 'Une sauvegarde est en cours : attendez qu’elle se termine.',
  export: 'Un export des données est en cours : attendez qu’il se termine.',
  restore: 'Une restauration est en cours : attendez qu’elle se termine.',
  verify: 'Une vérification de sauvegarde est en cours : attendez qu’elle se termine.',
};

const unexpected = 'Une erreur inattendue a interrompu l’opération : le journal en donne la cause.';

/**
 * One job at a time per database: a backup, an export and a restore each read the whole centre, and
 * the daily backup and « Sauvegarder maintenant » must not write two copies at once. Kept per
 * database connection, so the screens' calls and the scheduler started beside the core share it.
 */
const jobsByDatabase = new WeakMap<Database, BackupJobs>();

export function backupJobs(db: Database, clock: Clock): BackupJobs {
  let jobs = jobsByDatabase.get(db);
  if (!jobs) {
    jobs = createBackupJobs(clock);
    jobsByDatabase.set(db, jobs);
  }
  return jobs;
}

export function createBackupJobs(clock: Clock): BackupJobs {
  let running: BackupProgress | null = null;
  let last: BackupStatus['last'] = null;

  return {
    status: () => ({ running: running && { ...running }, last }),
    async run(kind, work, describe) {
      if (running) throw new AppFailure({ code: 'refused', message: busy[running.kind] });
      const startedAt = clock.now().toISOString();
      running = { kind, step: 'database', done: 0, total: 0, startedAt };
      const finish = (ok: boolean, message: string) => (last = { kind, ok, message, finishedAt: clock.now().toISOString() });
      try {
        const result = await work((step, done, total) => {
          if (running) running = { ...running, step, done, total };
        });
        finish(true, describe(result));
        return result;
      } catch (error) {
        finish(false, error instanceof AppFailure ? error.message : unexpected);
        throw error;
      } finally {
        running = null;
      }
    },
  };
}
