import path from 'node:path';
import { refused } from './backup-refusals';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type { AttachmentFile } from '../../../../shared/domain/attachment';
import type { BackupList, BackupStatus, DataCounts, ExportResult, RestoreInput } from '../../../../shared/domain/backup';
import { readLogTail, readWholeLog } from '../../logging/log-tail';
import { requireAdministrator } from '../admin/admin-guard';
import { readSettings } from '../admin/settings';
import type { ServiceDeps } from '../index';
import { listBackups } from './backup-folder';
import { backupJobs } from './backup-jobs';
import { runBackup } from './run-backup';
import { exportData } from './export-data';
import { migrationLevel } from './database-snapshot';
import { restoreBackup } from './restore-backup';
import { verifyBackup } from './verify-backup';

const count = (counts: DataCounts) => `${counts.cases} dossiers, ${counts.messages} messages, ${counts.contacts} contacts, ${counts.attachments} pièces jointes`;

/**
 * « Sauvegarde et journal » of the administration: backups, restore into an empty folder, export of
 * every datum, the journal. Administrators only; long work runs one job at a time (backup-jobs.ts)
 * and the screen polls `status` meanwhile.
 */
export function createBackupService(deps: Pick<ServiceDeps, 'db' | 'clock' | 'dataDir' | 'log'>) {
  const { db, clock, dataDir } = deps;
  const jobs = backupJobs(db, clock);
  const log = deps.log.scoped('backup');
  const admin = (actor: AgentSummary) => requireAdministrator(db, actor);
  const source = (version: string) => ({ db, dataDir, clock, log, version });

  function chosenFolder(): string {
    const folder = readSettings(db).backupFolder;
    if (!folder) throw refused('Choisissez d’abord le dossier des sauvegardes, puis enregistrez.');
    return folder;
  }

  return {
    status(actor: AgentSummary): BackupStatus {
      admin(actor);
      return jobs.status();
    },

    async list(actor: AgentSummary): Promise<BackupList> {
      admin(actor);
      const { backupFolder, backupKeep } = readSettings(db);
      return { folder: backupFolder, keep: backupKeep, backups: backupFolder ? await listBackups(backupFolder) : [] };
    },

    run(actor: AgentSummary, version: string) {
      admin(actor);
      const folder = chosenFolder();
      return runBackup(source(version), jobs, folder, readSettings(db).backupKeep);
    },

    async verify(name: string, actor: AgentSummary): Promise<null> {
      admin(actor);
      const dir = path.join(chosenFolder(), path.basename(name));
      await jobs.run('verify', (report) => verifyBackup(dir, report), () => `La sauvegarde « ${path.basename(name)} » est intacte.`);
      return null;
    },

    /** Into another, empty folder: the running centre's own folder is never empty, so never a target. */
    restore(input: RestoreInput, actor: AgentSummary): Promise<DataCounts> {
      admin(actor);
      const request = { backupDir: input.backupFolder, dataDir: input.dataFolder, knownMigrations: migrationLevel(db.sqlite) };
      return jobs.run(
        'restore',
        async (report) => {
          const counts = await restoreBackup(request, report);
          log.info('backup restored', { from: input.backupFolder, to: input.dataFolder });
          return counts;
        },
        (counts) => `Restauration terminée dans « ${input.dataFolder} » : ${count(counts)}.`,
      );
    },

    exportAll(folder: string, actor: AgentSummary, version: string): Promise<ExportResult> {
      admin(actor);
      return jobs.run(
        'export',
        async (report) => {
          const result = await exportData(source(version), folder, report);
          log.info('data exported', { folder: result.folder });
          return result;
        },
        (result) => `Export terminé dans « ${result.folder} » : ${count(result.counts)}.`,
      );
    },

    async logTail(lines: number, actor: AgentSummary): Promise<string[]> {
      admin(actor);
      return readLogTail(dataDir, lines);
    },

    /** The journal as a file, saved the way attachments are (`attachments.download`'s shape). */
    async logFile(actor: AgentSummary): Promise<AttachmentFile> {
      admin(actor);
      const text = await readWholeLog(dataDir);
      const day = clock.now().toISOString().slice(0, 10);
      return { fileName: `journal-unified-desktop-${day}.log`, mimeType: 'text/plain', contentBase64: Buffer.from(text, 'utf8').toString('base64') };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
