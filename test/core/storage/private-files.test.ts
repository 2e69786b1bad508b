import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../shared/contract';
import { apiOf } from '../../support/connection-api';
import { createCore, databaseFile, type Core } from '../../../electron/core/create-core';
import { migrationsFolder } from '../temp-database';

/**
 * The data folder holds every customer's mail: other accounts of the workstation must not read it
 * (POSIX modes; on Windows the profile's ACL already admits only the user).
 */

let parent: string;
let dataDir: string;
let core: Core | null = null;

beforeEach(() => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'ud-private-'));
  dataDir = path.join(parent, 'Unified Desktop');
});
afterEach(() => {
  core?.close();
  core = null;
  rmSync(parent, { recursive: true, force: true });
});

const modeOf = (file: string) => statSync(file).mode & 0o777;

/** A file reaches the attachments folder the way a screen sends one. */
async function uploadOne(started: Core): Promise<string> {
  const connection = started.connect();
  const signIn = await connection.call('session.signIn', { login: 'camille.martin', password: 'demo' });
  if (!signIn.ok) throw new Error(signIn.error.message);
  const { sha256 } = await uploadFile(apiOf(connection), bytesSource('relevé.pdf', 'application/pdf', Buffer.from('%PDF relevé')));
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

function expectPrivate(blob: string) {
  expect(modeOf(dataDir)).toBe(0o700);
  const database = databaseFile(dataDir);
  for (const file of [database, `${database}-wal`, `${database}-shm`]) {
    expect(existsSync(file)).toBe(true);
    expect({ file: path.basename(file), mode: modeOf(file) }).toEqual({ file: path.basename(file), mode: 0o600 });
  }
  expect(modeOf(path.join(dataDir, 'attachments'))).toBe(0o700);
  expect(modeOf(path.dirname(blob))).toBe(0o700);
  expect(modeOf(blob)).toBe(0o600);
}

describe.runIf(process.platform !== 'win32')('the data folder', () => {
  it('is created for the user only: folders 0700, database and files 0600', async () => {
    core = createCore({ dataDir, migrationsFolder, demo: true });
    const blob = await uploadOne(core);
    expectPrivate(blob);
  });

  it('is tightened at start when an earlier version left it readable by others', async () => {
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    core = createCore({ dataDir, migrationsFolder, demo: true });
    const blob = await uploadOne(core);
    core.close();
    core = null;
    const database = databaseFile(dataDir);
    for (const folder of [dataDir, path.join(dataDir, 'attachments'), path.dirname(blob)]) chmodSync(folder, 0o755);
    chmodSync(database, 0o644);

    core = createCore({ dataDir, migrationsFolder, demo: true });
    expectPrivate(blob);
    expect(readdirSync(dataDir)).toContain('unified.sqlite');
  });
});
