import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bytesSource, uploadFile } from '../../shared/contract';
import type { CreationOptions } from '../../shared/contract/calls/creation';
import type { StagedAttachment } from '../../shared/domain/attachment';
import type { AgentSummary } from '../../shared/domain/agent';
import { createCore, databaseFile, type Connection, type Core } from '../../electron/core/create-core';
import { demoAgents, demoPassword, type DemoAgentKey } from '../../electron/core/demo/demo-data';
import { discardingLogger, type AppLogger } from '../../electron/core/logging/logger';
import { steppingClock } from '../core/services/cases/case-fixture';
import { migrationsFolder } from '../core/temp-database';

type SteppingClock = ReturnType<typeof steppingClock>;
import { apiOf } from '../support/connection-api';
import { watchDatabase, type DatabaseWatch } from './database-watch';
import type { InputPools } from './contract-inputs';
import type { Neutralisers } from './outside-effects';

/** Who calls: the three roles, signed in, and a connection that never signs in. */
export const fuzzRoles = ['agent', 'supervisor', 'administrator', 'anonymous'] as const;
export type FuzzRole = (typeof fuzzRoles)[number];

/** The demo person each signed-in role is. */
const personOf: Readonly<Record<Exclude<FuzzRole, 'anonymous'>, DemoAgentKey>> = {
  agent: 'camille',
  supervisor: 'sophie',
  administrator: 'admin',
};

export interface FuzzWorld {
  readonly core: Core;
  readonly today: Date;
  readonly watch: DatabaseWatch;
  readonly pools: InputPools;
  readonly creation: CreationOptions;
  readonly neutralisers: Neutralisers;
  connection(role: FuzzRole): Connection;
  /** The version a case has now (read, never written), for inputs that must not be stale. */
  caseVersion(caseId: number): number | undefined;
  /** What the core logged since the last call of this (the errors behind `internal` answers). */
  takeLogged(): unknown[];
  /** After a `session.*` call: the connection is put back as its role has it (signed in, or not). */
  restoreSession(role: FuzzRole): Promise<void>;
  dispose(): Promise<void>;
}

async function answer<T>(connection: Connection, name: string, input: unknown): Promise<T> {
  const result = await connection.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/**
 * The one place that knows how the demo's people sign in: by their demo login and password. The fuzz
 * sends wrong passwords too, so sign-in may be throttled (issue 11): the fuzz then lets the time it
 * asks for pass on the core's clock, as a person would wait, and signs in again.
 */
export async function signInAs(connection: Connection, person: DemoAgentKey, clock?: SteppingClock): Promise<AgentSummary> {
  const demo = demoAgents.find((agent) => agent.key === person);
  if (!demo) throw new Error(`no demo agent ${person}`);
  for (let attempt = 0; ; attempt += 1) {
    const result = await connection.call('session.signIn', { login: demo.login, password: demoPassword });
    if (result.ok) return result.data as AgentSummary;
    const wait = result.error.code === 'rate_limited' ? result.error.retryAfterSeconds : undefined;
    if (!clock || wait === undefined || attempt >= 3) throw new Error(`session.signIn: ${result.error.message}`);
    clock.advance((wait + 1) * 1000);
  }
}

/** Accepts on 127.0.0.1 and hangs up at once: the mailbox connection test fails fast, locally. */
async function startSink(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const tinyPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A demo core on a fresh temp folder, its connections signed in, and what inputs refer to. */
export async function startFuzzWorld(): Promise<FuzzWorld> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-fuzz-'));
  const clock = steppingClock();
  // No `opener`: `attachments.open` is refused as in the browser host, no file reaches the system.
  // What the dispatcher logs of an `internal` failure (the stack) goes into the fuzz's own report.
  const logged: unknown[] = [];
  const log: AppLogger = { ...discardingLogger(clock), error: (_message, error) => void logged.push(error) };
  const core = createCore({ dataDir, migrationsFolder, demo: true, clock, log });
  const connections = new Map<FuzzRole, Connection>(fuzzRoles.map((role) => [role, core.connect()]));
  const connection = (role: FuzzRole) => connections.get(role) as Connection;
  const signedIn = new Map<FuzzRole, AgentSummary>();
  for (const role of fuzzRoles) {
    if (role !== 'anonymous') signedIn.set(role, await signInAs(connection(role), personOf[role], clock));
  }
  const sink = await startSink();
  const agentApi = apiOf(connection('agent'));
  const staged: StagedAttachment[] = [
    await uploadFile(agentApi, bytesSource('note.txt', 'text/plain', Buffer.from('Bonjour'))),
    await uploadFile(agentApi, bytesSource('logo.png', 'image/png', Buffer.from(tinyPng, 'base64'))),
  ];
  const creation = await answer<CreationOptions>(connection('agent'), 'creation.options', {});
  const emails = core.db.sqlite
    .prepare(`SELECT email FROM contacts WHERE email IS NOT NULL UNION SELECT email FROM address_book_entries LIMIT 12`)
    .pluck()
    .all() as string[];
  const accounts = await answer<AgentSummary[]>(connection('agent'), 'session.agents', {});
  const spare = accounts.find((a) => a.displayName === demoAgents.find((d) => d.key === 'lucas')?.displayName);
  const watch = watchDatabase(databaseFile(dataDir));
  const versionOf = core.db.sqlite.prepare('SELECT version FROM cases WHERE id = ?').pluck();

  return {
    core,
    today: clock.now(),
    watch,
    pools: { emails, staged, creation },
    creation,
    neutralisers: {
      sinkPort: (sink.address() as net.AddressInfo).port,
      fuzzAccountIds: [...signedIn.values()].map((agent) => agent.id),
      spareAccountId: spare?.id ?? 2,
    },
    connection,
    caseVersion: (caseId) => versionOf.get(caseId) as number | undefined,
    takeLogged: () => logged.splice(0),
    async restoreSession(role) {
      const current = await connection(role).call('session.current', {});
      const expected = signedIn.get(role) ?? null;
      const now = current.ok ? (current.data as AgentSummary | null) : null;
      if (now?.id === expected?.id) return;
      if (role === 'anonymous') await answer(connection(role), 'session.signOut', {});
      else await signInAs(connection(role), personOf[role], clock);
    },
    async dispose() {
      watch.close();
      core.close();
      await new Promise<void>((resolve) => sink.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
