import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/create-core';
import { repoRoot } from '../../../support/app-under-test';
import { migrationsFolder } from '../../temp-database';
import { chooseBackupFolder, signIn, startBackupCentre, type BackupCentre } from './backup-centre';

const run = promisify(execFile);

/** `npm run restore -- …` as an administrator types it: the script is bundled, then run. */
async function npmRestore(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'restore', '--', ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let centre: BackupCentre;
let backupFolder: string;

beforeAll(async () => {
  centre = startBackupCentre();
  const admin = await centre.as('Admin Unified');
  await chooseBackupFolder(admin, path.join(centre.scratch, 'sauvegardes'));
  const backup = await admin.backup.run();
  backupFolder = path.join(centre.scratch, 'sauvegardes', backup.name);
});
afterAll(() => centre.dispose());

describe('npm run restore', () => {
  it('restores a backup into a new data folder that the app then opens with the same centre', async () => {
    const target = path.join(centre.scratch, 'nouveau-poste');
    const result = await npmRestore(backupFolder, target);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Restauration terminée / Restore done → ${target}: 20 dossiers,`);

    const core = createCore({ dataDir: target, migrationsFolder });
    try {
      const [original, restored] = await Promise.all([centre.as('Sophie Durand'), signIn(core, 'Sophie Durand')]);
      for (let caseId = 1; caseId <= 20; caseId++) {
        const { unread: _a, ...copy } = await restored.cases.get({ caseId });
        const { unread: _b, ...source } = await original.cases.get({ caseId });
        expect(copy, `case ${caseId}`).toEqual(source);
      }
      expect(await restored.contacts.get({ contactId: 1 })).toEqual(await original.contacts.get({ contactId: 1 }));
    } finally {
      core.close();
    }
  }, 60_000);

  it('refuses a folder that holds data, in French, with a failure exit code', async () => {
    const target = path.join(centre.scratch, 'occupe');
    mkdirSync(target);
    writeFileSync(path.join(target, 'unified.sqlite'), 'autre centre');
    const result = await npmRestore(backupFolder, target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Le dossier « ${target} » n’est pas vide : une restauration ne remplace jamais des données existantes.`);
  }, 60_000);

  it('says how to use it when a folder is missing', async () => {
    const result = await npmRestore(backupFolder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage : npm run restore -- DOSSIER_DE_LA_SAUVEGARDE DOSSIER_DES_DONNÉES');
  }, 60_000);
});
