import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDovecot, type DovecotInstance } from '../../../rig';
import { migrationsFolder } from '../../temp-database';
import { openRealCentre, type RealCentre } from './support/real-centre';
import { bundleDriver, runDriver, type DriverRun } from './support/run-sync-driver';
import type { DriverConfig } from './support/sync-driver';
import { appendAll, testMessage, type MailUser } from './support/test-messages';

const USER: MailUser = { user: 'crash@test.local', password: 'crash-secret' };
const COUNT = 2_000;
/** The acceptance of issue 4: ten SIGKILLs, at random points of the initial sync. */
const KILLS = 10;
/** Messages filed before each kill, at most: ten rounds must stay short of the whole sync. */
const MOST_PER_ROUND = 150;

let dovecot: DovecotInstance;
let centre: RealCentre;
let bundleDir: string;
let bundle: string;

beforeAll(async () => {
  bundleDir = mkdtempSync(path.join(os.tmpdir(), 'ud-driver-'));
  [dovecot, bundle] = await Promise.all([startDovecot({ users: [USER] }), bundleDriver(bundleDir)]);
  centre = openRealCentre({ port: dovecot.imapPort, user: USER.user });
  await appendAll(dovecot, USER, 'INBOX', Array.from({ length: COUNT }, (_, i) => testMessage('crash', i + 1)));
}, 300_000);

afterAll(async () => {
  centre?.dispose();
  await dovecot?.stop();
  rmSync(bundleDir, { recursive: true, force: true });
});

const filedLines = (run: DriverRun) => run.lines.filter((line) => line.startsWith('filed '));
const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/** Kills the run with SIGKILL once it has filed `target` more messages, a few ms later at random. */
async function killAfter(run: DriverRun, target: number): Promise<void> {
  let exited = false;
  void run.exited.then(() => (exited = true));
  await vi.waitFor(() => expect(exited || filedLines(run).length >= target).toBe(true), { timeout: 60_000, interval: 5 });
  await new Promise((resolve) => setTimeout(resolve, randomInt(0, 15)));
  run.child.kill('SIGKILL');
}

describe('a sync killed at random points, filing through the real ingest sink', () => {
  it('files every one of 2000 messages exactly once in the end', async () => {
    const config: DriverConfig = {
      dbFile: centre.temp.file,
      dataDir: centre.temp.dir,
      migrationsFolder,
      host: dovecot.host,
      port: dovecot.imapPort,
      ca: dovecot.ca,
      user: USER.user,
      password: USER.password,
      mailboxId: centre.mailboxId,
      folder: 'INBOX',
    };
    const outcomes: string[] = [];

    for (let round = 0; round < KILLS; round++) {
      const run = runDriver(bundle, config);
      // The first round dies before or while connecting; the others after filing some messages.
      if (round === 0) await killAfter(run, 0);
      else await killAfter(run, randomInt(1, MOST_PER_ROUND));
      const end = await run.exited;
      outcomes.push(...filedLines(run).map((line) => line.split(' ')[2]!));
      // Killed every time, never done early: each round stops short of the 2000.
      expect(end, end.stderr).toMatchObject({ signal: 'SIGKILL' });
    }
    const last = runDriver(bundle, config);
    const end = await last.exited;
    expect(end, end.stderr).toMatchObject({ code: 0, signal: null });
    outcomes.push(...filedLines(last).map((line) => line.split(' ')[2]!));

    const filed = centre.incoming();
    expect(filed).toHaveLength(COUNT);
    expect(new Set(filed.map((row) => row.uid)).size).toBe(COUNT);
    expect(new Set(filed.map((row) => row.messageId))).toEqual(new Set(Array.from({ length: COUNT }, (_, i) => `<crash-${i + 1}@example.fr>`)));
    // 2000 senders, 2000 cases: no message opened a second case after a kill.
    expect(new Set(filed.map((row) => row.caseId)).size).toBe(COUNT);
    // The checkpoint moves in the filing transaction: after a kill, no message is handed over again.
    expect(outcomes.filter((outcome) => outcome !== 'new_case')).toEqual([]);
    expect(centre.quarantined()).toBe(0);
    expect(centre.lastUid()).toBe(Math.max(...filed.map((row) => row.uid)));
  }, 480_000);
});
