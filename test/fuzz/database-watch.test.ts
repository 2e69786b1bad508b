import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, databaseFile, type Connection, type Core } from '../../electron/core/create-core';
import { fixedClock, migrationsFolder } from '../core/temp-database';
import { changedTables, watchDatabase, type DatabaseWatch } from './database-watch';
import { signInAs } from './fuzz-world';

let dataDir: string;
let core: Core;
let watch: DatabaseWatch;
let camille: Connection;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-fuzz-watch-'));
  core = createCore({ dataDir, migrationsFolder, demo: true, clock: fixedClock() });
  watch = watchDatabase(databaseFile(dataDir));
  camille = core.connect();
  await signInAs(camille, 'camille');
});
afterAll(() => {
  watch.close();
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the fuzz watch on the core database', () => {
  it('sees no commit and the same checksum after a refused call', async () => {
    const version = watch.version();
    const before = watch.checksum();
    const refused = await camille.call('contacts.update', { contactId: 999_999, lastName: 'Dupont', firstName: 'Jeanne' });
    expect(refused.ok).toBe(false);
    expect(watch.version()).toBe(version);
    expect(changedTables(before, watch.checksum())).toEqual([]);
  });

  it('sees the commit and names the tables a successful call wrote', async () => {
    const version = watch.version();
    const before = watch.checksum();
    const created = await camille.call('contacts.create', { lastName: 'Veil', firstName: 'Simone' });
    expect(created.ok).toBe(true);
    expect(watch.version()).not.toBe(version);
    expect(changedTables(before, watch.checksum())).toContain('contacts');
  });
});
