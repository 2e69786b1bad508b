import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import type { Api } from '../../shared/contract/client';
import { installTransport } from '../../renderer/src/api';
import { useDeskStore } from '../../renderer/src/stores/desk';
import { useSessionStore } from '../../renderer/src/stores/session';
import { migrationsFolder } from '../core/temp-database';
import { coreClient, seedBigDesk } from '../e2e/desk-helpers';

let dataDir: string;
let core: Core;
let total: number;
/** The same agent in another window: what it does reaches the store only as core events. */
let elsewhere: Api;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-desk-store-'));
  core = createCore({ dataDir, migrationsFolder, demo: true });
  total = seedBigDesk(core, 'Camille Martin', 1200);
  // One case back in its queue, from the middle of the desk's order: taking it must put it back there.
  core.db.sqlite
    .prepare(`UPDATE cases SET assignee_id = NULL, state = 'todo' WHERE id = (SELECT id FROM cases ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET 300)`)
    .run();
  total -= 1;
  const connection = core.connect();
  installTransport({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  setActivePinia(createPinia());
  const session = useSessionStore();
  await session.signIn('camille.martin', 'demo');
  elsewhere = await coreClient(core, 'Camille Martin');
}, 60_000);

afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sql = <T>(query: string, ...params: unknown[]) => core.db.sqlite.prepare(query).all(...params) as T[];
const newestFirst = () => sql<{ id: number }>(
  `SELECT id FROM cases WHERE merged_into_id IS NULL AND state IN ('todo','todo_bis','contact_replied') AND assignee_id IS NOT NULL
   ORDER BY received_at DESC, id DESC`,
).map((row) => row.id);

describe('the desk store', () => {
  it('loads the first page, then pages on demand, in the core’s order', async () => {
    const desk = useDeskStore();
    desk.setUp();
    await desk.open({ kind: 'in_progress' });
    expect(desk.rows).toHaveLength(100);
    expect(desk.total).toBe(total);
    await desk.ensureLoaded(900);
    expect(desk.rows).toHaveLength(1100);
    expect(desk.rows.map((row) => row.id)).toEqual(newestFirst().slice(0, 1100));
  });

  it('follows changes made elsewhere: a closed case leaves, a taken one enters at its place', async () => {
    const desk = useDeskStore();
    const [closing] = desk.rows.slice(10, 11);
    const queued = sql<{ id: number; version: number }>(
      `SELECT id, version FROM cases WHERE assignee_id IS NULL AND state = 'todo' AND merged_into_id IS NULL ORDER BY received_at DESC LIMIT 1`,
    )[0];
    if (!closing || !queued) throw new Error('the seed has no case to change');
    const before = desk.rows.length;

    await elsewhere.cases.act({ caseId: closing.id, version: closing.version, action: 'close' });
    await elsewhere.cases.act({ caseId: queued.id, version: queued.version, action: 'take' });

    await expect.poll(() => desk.rows.some((row) => row.id === queued.id)).toBe(true);
    expect(desk.rows.some((row) => row.id === closing.id)).toBe(false);
    expect(desk.total).toBe(total);
    expect(desk.rows).toHaveLength(before);
    // Still exactly the core's order, without a reload: the newcomer sits where the core puts it.
    expect(desk.rows.map((row) => row.id)).toEqual(newestFirst().slice(0, before));
  });

  it('keeps paging after a patch without repeating or skipping a case', async () => {
    const desk = useDeskStore();
    await desk.ensureLoaded(total - 1);
    const ids = desk.rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(newestFirst());
  });

  it('searches within the desk, and comes back to the same desk with its filters', async () => {
    const desk = useDeskStore();
    await desk.setFilters({ states: ['contact_replied'] });
    const replied = desk.total;
    expect(desk.rows.every((row) => row.state === 'contact_replied')).toBe(true);
    await desk.open({ kind: 'in_progress' });
    expect(desk.filters).toEqual({ states: ['contact_replied'] });
    expect(desk.total).toBe(replied);
    await desk.setFilters({});
    await desk.setSearch('duplicata');
    expect(desk.rows.length).toBeGreaterThan(0);
    expect(desk.rows.every((row) => 'snippet' in row)).toBe(true);
    await desk.open({ kind: 'in_progress' });
    expect(desk.search).toBe('duplicata');
    await desk.open({ kind: 'processed' });
    expect([desk.filters, desk.search]).toEqual([{}, '']);
  });

  it('keeps where each desk was scrolled, for its view only, until sign-out', async () => {
    const desk = useDeskStore();
    await desk.open({ kind: 'in_progress' });
    desk.keepScroll(4800);
    await desk.open({ kind: 'processed' });
    expect(desk.keptScroll()).toBe(0);
    desk.keepScroll(120);
    await desk.open({ kind: 'in_progress' });
    expect(desk.keptScroll()).toBe(4800);
    // Another filter is another list: the offset of the unfiltered one means nothing there.
    await desk.setFilters({ states: ['contact_replied'] });
    expect(desk.keptScroll()).toBe(0);
    await desk.setFilters({});
    expect(desk.keptScroll()).toBe(4800);
    desk.reset();
    await desk.open({ kind: 'in_progress' });
    expect(desk.keptScroll()).toBe(0);
  });
});
