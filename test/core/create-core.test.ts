import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Connection, type Core } from '../../electron/core/create-core';
import type { DemoAccount } from '../../shared/domain/agent';
import type { DeskPage } from '../../shared/domain/desk';
import { fixedClock, migrationsFolder } from './temp-database';

let dataDir: string;
let core: Core;
let connection: Connection;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-core-'));
  core = createCore({ dataDir, migrationsFolder, demo: true, clock: fixedClock() });
  connection = core.connect();
});
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('createCore on the demo database', () => {
  it('says it is a demo', async () => {
    expect(await connection.call('app.info', {})).toMatchObject({ ok: true, data: { demo: true, dataDir } });
  });

  it('refuses a desk before sign-in', async () => {
    const result = await connection.call('desk.list', { desk: { kind: 'in_progress' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('answers a malformed sign-in with the field in error, in French', async () => {
    const result = await connection.call('session.signIn', { login: 42, password: 'demo' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { login: expect.any(String) } } });
    const message = result.ok ? '' : (result.error.fields?.login ?? '');
    expect(message).toMatch(/identifiant/i);
  });

  it('refuses a wrong password', async () => {
    const agents = await agentList();
    const result = await connection.call('session.signIn', { login: agents[0]?.login, password: 'faux' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { password: expect.any(String) } } });
  });

  it('signs a demo agent in with "demo" and lists their En cours desk', async () => {
    const camille = (await agentList()).find((a) => a.displayName === 'Camille Martin');
    expect(camille?.role).toBe('agent');
    const signIn = await connection.call('session.signIn', { login: camille?.login, password: 'demo' });
    expect(signIn).toEqual({ ok: true, data: { id: camille?.id, displayName: 'Camille Martin', role: 'agent' } });
    const result = await connection.call('desk.list', { desk: { kind: 'in_progress' } });
    if (!result.ok) throw new Error(result.error.message);
    const page = result.data as DeskPage;
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((row) => row.assigneeId === camille?.id)).toBe(true);
    const queues = await connection.call('desk.queues', {});
    expect(queues).toMatchObject({ ok: true, data: [{ name: 'Service clients', distribution: 'pull' }] });
  });

  it('keeps the demo as it is when the core starts again on the same folder', () => {
    core.close();
    core = createCore({ dataDir, migrationsFolder, demo: true, clock: fixedClock('2025-04-01T00:00:00.000Z') });
    connection = core.connect();
    const count = core.db.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    expect(count.n).toBe(20);
  });
});

async function agentList(): Promise<DemoAccount[]> {
  const result = await connection.call('session.agents', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.data as DemoAccount[];
}
