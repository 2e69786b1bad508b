import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import { startBackupScheduler, type BackupScheduler } from '../../../../electron/core/services/backup/backup-scheduler';
import { chooseBackupFolder, startBackupCentre, type BackupCentre } from './backup-centre';

const hour = 60 * 60 * 1000;

let centre: BackupCentre;
let admin: Api;
let scheduler: BackupScheduler;

beforeAll(async () => {
  centre = startBackupCentre();
  admin = await centre.as('Admin Unified');
  // Its timers never fire during the test: each look is the test's own `tick`.
  scheduler = startBackupScheduler(centre.core, { version: '1.2.3', firstCheckMs: 10 * hour, checkEveryMs: 10 * hour });
});
afterAll(() => {
  scheduler.stop();
  centre.dispose();
});

const completeNames = async () => (await admin.backup.list()).backups.filter((b) => b.complete).map((b) => b.name);

describe('the daily backup', () => {
  it('does nothing until an administrator chooses a folder', async () => {
    expect(await scheduler.tick()).toBe('no_folder');
  });

  it('backs up once a day, keeping the number of backups the administrator chose', async () => {
    await chooseBackupFolder(admin, path.join(centre.scratch, 'quotidiennes'), 2);
    expect(await scheduler.tick()).toBe('done');
    expect(await completeNames()).toEqual(['sauvegarde-2025-03-14T10-00-00Z']);

    centre.clock.advance(hour);
    expect(await scheduler.tick()).toBe('not_due');
    centre.clock.advance(22 * hour);
    expect(await scheduler.tick()).toBe('done');
    centre.clock.advance(24 * hour);
    expect(await scheduler.tick()).toBe('done');
    expect(await completeNames()).toEqual(['sauvegarde-2025-03-16T09-00-00Z', 'sauvegarde-2025-03-15T09-00-00Z']);
  });

  it('leaves the day’s backup to « Sauvegarder maintenant » when it is already running, and tells it in the status', async () => {
    centre.clock.advance(24 * hour);
    const now = admin.backup.run();
    expect(await scheduler.tick()).toBe('busy');
    const made = await now;
    expect(await scheduler.tick()).toBe('not_due');
    expect((await completeNames())[0]).toBe(made.name);
  });

  it('writes what it did in the journal', async () => {
    const { lines } = await admin.backup.logTail({ lines: 50 });
    expect(lines.filter((line) => / INFO {2}\[backup\] backup written · name=sauvegarde-/.test(line))).toHaveLength(4);
  });
});

describe('the backup settings', () => {
  it('take a full folder path and a number of backups from 1 to 365, in French otherwise', async () => {
    const settings = await admin.admin.settings();
    const refused = await admin.admin.updateSettings({ ...settings, backupFolder: 'sauvegardes', backupKeep: 0 }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'validation',
      fields: {
        backupFolder: 'Indiquez le chemin complet d’un dossier (ex. /home/centre/sauvegardes ou D:\\Sauvegardes).',
        backupKeep: 'Gardez entre 1 et 365 sauvegardes.',
      },
    });
    const saved = await admin.admin.updateSettings({ ...settings, backupFolder: 'D:\\Sauvegardes\\Centre', backupKeep: 30 });
    expect(saved).toMatchObject({ backupFolder: 'D:\\Sauvegardes\\Centre', backupKeep: 30 });
    expect(await admin.admin.settings()).toEqual(saved);
  });
});
