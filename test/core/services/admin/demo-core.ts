import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, createApi, type Api } from '../../../../shared/contract';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { fixedClock, migrationsFolder } from '../../temp-database';

/** The demo's people, by display name (password "demo"). */
export type DemoPerson = 'Camille Martin' | 'Lucas Bernard' | 'Sophie Durand' | 'Admin Unified';

export interface DemoCore {
  core: Core;
  /**
   * A new connection (a window) signed in as this person, driven through the typed contract client;
   * the demo's people use "demo", an agent created by a test gives its own password.
   */
  as(person: DemoPerson | (string & {}), password?: string): Promise<Api>;
  /** Every row of every table (as sorted JSON lines), for "nothing was written" checks. */
  dump(): Record<string, string[]>;
  dispose(): void;
}

/** The real core on a real SQLite file in a temp folder, loaded with the demo centre. */
export function startDemoCore(): DemoCore {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-admin-'));
  const core = createCore({ dataDir, migrationsFolder, demo: true, clock: fixedClock() });
  return {
    core,
    async as(person, password = 'demo') {
      const connection = core.connect();
      const api = createApi({
        invoke: (name, input) => connection.call(name, input),
        subscribe: (listener) => connection.onEvent(listener),
      });
      const agent = (await api.session.agents()).find((a) => a.displayName === person);
      if (!agent) throw new Error(`no active agent called ${person}`);
      await api.session.signIn({ login: agent.login, password });
      return api;
    },
    dump: () => dumpTables(core),
    dispose() {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** FTS shadow tables have no rowid: rows are compared as a sorted set of JSON lines. */
function dumpTables(core: Core): Record<string, string[]> {
  const tables = core.db.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  const rows = (name: string) => core.db.sqlite.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row));
  return Object.fromEntries(tables.map(({ name }) => [name, rows(name).sort()]));
}

/** The refusal of a call that must fail: its code, French message and fields. */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the core to refuse the call');
}
