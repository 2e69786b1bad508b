import type { BackupJobs } from './backup-jobs';
import { pruneBackups } from './backup-folder';
import { createBackup, type BackupSource, type CompleteBackup } from './create-backup';

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });

/**
 * One backup as a job (its progress shown, never two at once), then the older ones beyond `keep`
 * removed: the same path for « Sauvegarder maintenant » and for the daily backup.
 */
export function runBackup(source: BackupSource, jobs: BackupJobs, folder: string, keep: number): Promise<CompleteBackup> {
  return jobs.run(
    'backup',
    async (report) => {
      const started = Date.now();
      const backup = await createBackup(source, folder, report).catch((error: unknown) => {
        source.log.warn('backup failed', error, { folder });
        throw error;
      });
      report('prune', 0, 1);
      const removed = await pruneBackups(folder, keep, source.clock.now());
      source.log.info('backup written', { name: backup.name, folder, bytes: backup.sizeBytes, ms: Date.now() - started, removed: removed.length ? removed.join(',') : undefined });
      return backup;
    },
    (backup) => `Sauvegarde « ${backup.name} » terminée (${megabytes(backup.sizeBytes)} Mo).`,
  );
}
