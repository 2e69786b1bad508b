import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../electron/core/db/database';
import { databaseFile } from '../../../../electron/core/create-core';
import { migrationsFolder } from '../../temp-database';

/**
 * Acceptance: "every action is one transaction". A child process works the demo centre through the
 * contract in a tight loop; it is killed with SIGKILL at random moments, restarted, killed again.
 * After each kill the database must hold whole actions only. The invariants, all of which an action
 * cut in half would break:
 * 1. SQLite's own integrity and foreign-key checks pass.
 * 2. Each case's state is the `state_after` of its last history entry, and each entry starts where
 *    the one before it ended (a chain of whole steps from `received`).
 * 3. A case's version is the number of its history entries that are not notes (the demo starts
 *    that way, and every change but a note writes one entry and one version).
 * 4. Each outbox row has exactly one outgoing message (same Message-ID, pointing back at it) and is
 *    named by exactly one history entry; each outgoing message has its outbox row.
 * 5. A case in validation holds its reply (a draft); a closed case knows who closed it.
 * 6. Files without a message belong to their case's draft, and a draft's files exist.
 * 7. A merged case points at a master that is not itself merged.
 */

let work: string;
let driver: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'ud-crash-'));
  // Inside the repository, so that Node resolves the external packages from its node_modules.
  const bundleDir = path.resolve('node_modules/.cache/ud-crash-test', path.basename(work));
  mkdirSync(bundleDir, { recursive: true });
  driver = path.join(bundleDir, 'crash-driver.mjs');
  await build({
    entryPoints: [path.resolve('test/core/services/cases/crash-driver.ts')],
    outfile: driver,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(path.dirname(driver), { recursive: true, force: true });
});

/** Runs the driver until `ready`, lets it work for `ms`, then kills it without warning. */
function runAndKill(dataDir: string, ms: number): Promise<{ committed: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [driver, dataDir, migrationsFolder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`driver stopped by itself (${code}): ${stderr}`));
      else resolve({ committed: (out.split('ready\n')[1] ?? '').length, stderr });
    });
  });
}

const all = <T>(db: Database, sql: string) => db.sqlite.prepare(sql).all() as T[];

/** Each invariant as a query listing what breaks it: all must come back empty. */
const broken: Record<string, string> = {
  'state is the last step': `
    SELECT c.id FROM cases c
    WHERE c.state IS NOT (SELECT h.state_after FROM history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1)`,
  'steps chain': `
    SELECT h.id FROM history h
    WHERE h.state_before IS NOT (SELECT p.state_after FROM history p WHERE p.case_id = h.case_id AND p.id < h.id ORDER BY p.id DESC LIMIT 1)`,
  'version counts the steps': `
    SELECT c.id FROM cases c
    WHERE c.version <> (SELECT count(*) FROM history h WHERE h.case_id = c.id AND h.action <> 'note_added')`,
  'outbox has its message': `
    SELECT o.id FROM outbox o
    WHERE (SELECT count(*) FROM messages m WHERE m.outbox_id = o.id AND m.direction = 'out' AND m.message_id_header = o.message_id_header) <> 1`,
  'outbox has its step': `
    SELECT o.id FROM outbox o
    WHERE (SELECT count(*) FROM history h WHERE json_extract(h.detail, '$.outboxId') = o.id AND h.case_id = o.case_id) <> 1`,
  'message has its outbox': `
    SELECT m.id FROM messages m WHERE m.direction = 'out' AND m.outbox_id IS NULL AND m.message_id_header LIKE '<ud.%'`,
  'validation holds the reply': `
    SELECT c.id FROM cases c WHERE c.state = 'in_validation' AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.case_id = c.id)`,
  'closed knows who closed': `SELECT id FROM cases WHERE state = 'closed' AND closed_by_id IS NULL`,
  'loose files belong to the draft': `
    SELECT a.id FROM attachments a
    WHERE a.message_id IS NULL AND NOT EXISTS (
      SELECT 1 FROM drafts d, json_each(d.attachment_ids) j WHERE d.case_id = a.case_id AND j.value = a.id)`,
  'draft files exist': `
    SELECT d.id FROM drafts d, json_each(d.attachment_ids) j
    WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.id = j.value AND a.case_id = d.case_id AND a.message_id IS NULL)`,
  'one level of merge': `
    SELECT c.id FROM cases c JOIN cases m ON m.id = c.merged_into_id WHERE m.merged_into_id IS NOT NULL`,
};

/** What breaks each invariant, by name: empty lists when the database holds whole actions only. */
function violations(db: Database): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(broken).map(([name, sql]) => [name, all<unknown>(db, sql)]));
}

const none = Object.fromEntries(Object.keys(broken).map((name) => [name, []]));

function check(dataDir: string): { steps: number; outbox: number } {
  const db = openDatabase(databaseFile(dataDir), migrationsFolder);
  try {
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(violations(db)).toEqual(none);
    const count = (table: string) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { steps: count('history'), outbox: count('outbox') };
  } finally {
    db.close();
  }
}

describe('crash safety of case actions', () => {
  it('leaves only whole actions after SIGKILL at random moments', { timeout: 180_000 }, async () => {
    const dataDir = path.join(work, 'data');
    let previous = { steps: 0, outbox: 0 };
    let committed = 0;
    for (let run = 0; run < 6; run += 1) {
      const result = await runAndKill(dataDir, 500 + Math.floor(Math.random() * 2000));
      committed += result.committed;
      const now = check(dataDir);
      expect(now.steps).toBeGreaterThanOrEqual(previous.steps);
      previous = now;
    }
    // The runs did real work: committed changes, replies among them.
    expect(committed).toBeGreaterThan(20);
    expect(previous.outbox).toBeGreaterThan(0);
  });

  // The checks are only worth the kills if they see a half-written action: write a few by hand on
  // the database the kills left (rolled back each time).
  it.each([
    ['state is the last step', `UPDATE cases SET state = CASE state WHEN 'todo' THEN 'todo_bis' ELSE 'todo' END WHERE id = 1`],
    ['version counts the steps', `UPDATE cases SET version = version + 1 WHERE id = 1`],
    ['outbox has its message', `DELETE FROM messages WHERE outbox_id = (SELECT min(id) FROM outbox)`],
    ['outbox has its step', `UPDATE history SET detail = NULL WHERE json_extract(detail, '$.outboxId') = (SELECT min(id) FROM outbox)`],
    ['validation holds the reply', `UPDATE cases SET state = 'in_validation' WHERE id = (SELECT min(id) FROM cases WHERE id NOT IN (SELECT case_id FROM drafts))`],
  ])('sees a half-written action (%s)', (name, sql) => {
    const db = openDatabase(databaseFile(path.join(work, 'data')), migrationsFolder);
    const halfWritten = db.sqlite.transaction(() => {
      db.sqlite.prepare(sql).run();
      expect(violations(db)[name]).not.toEqual([]);
      throw new Error('rollback');
    });
    try {
      expect(() => halfWritten.immediate()).toThrow('rollback');
    } finally {
      db.close();
    }
  });
});
