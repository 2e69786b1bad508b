import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallName, CallOutput, AppError } from '../../../../shared/contract';
import { createCore, databaseFile, type Connection, type Core } from '../../../../electron/core/create-core';
import type { Clock, FileOpener } from '../../../../electron/core/ports';
import { migrationsFolder } from '../../temp-database';

/** The demo's people, by the ids the demo gives them (see demo-data.ts). */
export const people = { camille: 1, lucas: 2, sophie: 3, admin: 4 } as const;
/** …and the logins they sign in with. */
export const logins: Record<Person, string> = { camille: 'camille.martin', lucas: 'lucas.bernard', sophie: 'sophie.durand', admin: 'admin' };
export type Person = keyof typeof people;

/** A clock the test moves on, so that "when" columns can be told apart and checked exactly. */
export function steppingClock(start = '2025-03-14T10:00:00.000Z'): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

export interface CaseCore {
  core: Core;
  clock: ReturnType<typeof steppingClock>;
  dataDir: string;
  as(person: Person): Promise<Connection>;
  dispose(): void;
}

let template: string | null = null;

/**
 * The demo seeded once per test file, then copied: seeding hashes four passwords (scrypt), which
 * would dominate tests that each want a pristine centre. Closing the core checkpoints the WAL, so
 * the one file is the whole database.
 */
function demoTemplate(): string {
  if (template) return template;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ud-cases-template-'));
  createCore({ dataDir: dir, migrationsFolder, demo: true, clock: steppingClock() }).close();
  template = databaseFile(dir);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return template;
}

/**
 * The demo centre on a fresh SQLite file, with signed-in connections on demand. Its mailbox (the
 * demo's own) is the default sending mailbox: replies are queued in the outbox as the demo sends them.
 */
export function startDemoCore(options: { opener?: FileOpener } = {}): CaseCore {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-cases-'));
  copyFileSync(demoTemplate(), databaseFile(dataDir));
  const clock = steppingClock();
  const core = createCore({ dataDir, migrationsFolder, demo: true, clock, ...(options.opener ? { opener: options.opener } : {}) });
  const connections = new Map<Person, Connection>();
  return {
    core,
    clock,
    dataDir,
    async as(person) {
      const known = connections.get(person);
      if (known) return known;
      const connection = core.connect();
      const signIn = await connection.call('session.signIn', { login: logins[person], password: 'demo' });
      if (!signIn.ok) throw new Error(signIn.error.message);
      connections.set(person, connection);
      return connection;
    },
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The call's data, or a thrown Error with the core's French message. */
export async function ok<K extends CallName>(connection: Connection, name: K, input: unknown): Promise<CallOutput<K>> {
  const result = await connection.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.data as CallOutput<K>;
}

/** The core's refusal of the call; fails the test if the call went through. */
export async function refusal(connection: Connection, name: CallName, input: unknown): Promise<AppError> {
  const result = await connection.call(name, input);
  if (result.ok) throw new Error(`${name} was expected to be refused`);
  return result.error;
}

/** Every row of every table, in storage order: two equal dumps mean nothing was written. */
export function dumpDatabase(core: Core): Record<string, unknown[]> {
  const tables = core.db.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    try {
      dump[name] = core.db.sqlite.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).all();
    } catch {
      // WITHOUT ROWID tables (FTS5 shadow tables) come out in primary-key order anyway.
      dump[name] = core.db.sqlite.prepare(`SELECT * FROM ${quoted}`).all();
    }
  }
  return dump;
}

export interface DemoCaseRow {
  id: number;
  number: string;
  subject: string;
  state: string;
  assignee_id: number | null;
  queue_id: number;
  version: number;
  closed_by_id: number | null;
  merged_into_id: number | null;
}

/** A demo case by its subject (the demo's subjects are unique). */
export function caseBySubject(core: Core, subjectStart: string): DemoCaseRow {
  const row = core.db.sqlite
    .prepare(`SELECT * FROM cases WHERE subject LIKE ? ORDER BY id LIMIT 1`)
    .get(`${subjectStart}%`) as DemoCaseRow | undefined;
  if (!row) throw new Error(`no demo case "${subjectStart}"`);
  return row;
}

export function caseRow(core: Core, id: number): DemoCaseRow {
  return core.db.sqlite.prepare(`SELECT * FROM cases WHERE id = ?`).get(id) as DemoCaseRow;
}

/** The address of the case's contact: the To an agent without the right may use. */
export function contactEmail(core: Core, caseId: number): string {
  const row = core.db.sqlite
    .prepare('SELECT email FROM contacts WHERE id = (SELECT contact_id FROM cases WHERE id = ?)')
    .get(caseId) as { email: string };
  return row.email;
}
