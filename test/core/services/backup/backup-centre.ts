import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, type Api } from '../../../../shared/contract';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { demoAgents, demoPassword } from '../../../../electron/core/demo/demo-data';
import { migrationsFolder } from '../../temp-database';
import { steppingClock } from '../cases/case-fixture';

export type Person = 'Camille Martin' | 'Sophie Durand' | 'Admin Unified';

export interface BackupCentre {
  core: Core;
  clock: ReturnType<typeof steppingClock>;
  dataDir: string;
  /** A temp folder for backups, restores and exports; removed with the centre. */
  scratch: string;
  as(person: Person): Promise<Api>;
  dispose(): void;
}

/** The demo centre on a temp folder, with a clock the test moves (backups are named by it). */
export function startBackupCentre(): BackupCentre {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ud-backup-'));
  const dataDir = path.join(scratch, 'data');
  const clock = steppingClock();
  const core = createCore({ dataDir, migrationsFolder, demo: true, clock, version: '1.2.3' });
  return {
    core,
    clock,
    dataDir,
    scratch,
    as: (person) => signIn(core, person),
    dispose() {
      core.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A new connection (a window) signed in through the contract, password "demo". */
export async function signIn(core: Core, person: string): Promise<Api> {
  const connection = core.connect();
  const api = createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  const agent = demoAgents.find((a) => a.displayName === person);
  if (!agent) throw new Error(`no demo agent called ${person}`);
  await api.session.signIn({ login: agent.login, password: demoPassword });
  return api;
}

/** The administrator chooses the backup folder (and how many to keep) in the settings. */
export async function chooseBackupFolder(admin: Api, folder: string, keep = 7): Promise<void> {
  const settings = await admin.admin.settings();
  // Days pass in these tests: the administrator's session stays open for a week (the longest the
  // settings allow), as an administrator who keeps the backup screen open would set it.
  await admin.admin.updateSettings({ ...settings, backupFolder: folder, backupKeep: keep, sessionIdleMinutes: 10_080 });
}

export const sha256 = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

/** Waits until `condition` holds (expect.poll belongs to tests, not to their set-up). */
export async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
