import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Connection, type Core } from '../../../electron/core/create-core';
import type { DemoAccount } from '../../../shared/domain/agent';
import { fixedClock, migrationsFolder } from '../temp-database';

let dataDir: string;
let core: Core;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-sync-'));
  core = createCore({ dataDir, migrationsFolder, demo: true, clock: fixedClock() });
});
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function addMailbox(name: string, address: string, active = true): number {
  const row = core.db.sqlite
    .prepare(
      `INSERT INTO mailboxes (name, address, sender_name, imap_host, imap_port, imap_tls, imap_user,
         smtp_host, smtp_port, smtp_tls, smtp_user, secret_key, queue_id, active)
       VALUES (?, ?, 'Centre', '127.0.0.1', 993, 'implicit', 'u', '127.0.0.1', 465, 'implicit', 'u', ?, 1, ?)
       RETURNING id`,
    )
    .get(name, address, `mailbox.${address}`, active ? 1 : 0) as { id: number };
  return row.id;
}

async function signedIn(displayName: string): Promise<Connection> {
  const connection = core.connect();
  const agents = await connection.call('session.agents', {});
  const agent = (agents.ok ? (agents.data as DemoAccount[]) : []).find((a) => a.displayName === displayName);
  expect(await connection.call('session.signIn', { login: agent?.login, password: 'demo' })).toMatchObject({ ok: true });
  return connection;
}

describe('sync.current', () => {
  it('is refused before sign-in', async () => {
    expect(await core.connect().call('sync.current', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  const demoMailbox = { mailboxId: 1, name: 'Service clients', address: 'service.clients@centre-demo.example.com' };

  it('gives an agent the centre’s one mailbox, the demo’s, with nothing heard from the mail runtime yet', async () => {
    const camille = await signedIn('Camille Martin');
    expect(await camille.call('sync.current', {})).toEqual({ ok: true, data: [{ ...demoMailbox, status: null }] });
  });

  it('tells a window that connects late the last status of each active mailbox', async () => {
    const service = addMailbox('Accueil', 'accueil@centre.example');
    const sales = addMailbox('Ventes', 'ventes@centre.example');
    addMailbox('Ancienne', 'ancienne@centre.example', false);
    core.events.emit('sync.status', { mailboxId: service, phase: 'syncing', done: 3, total: 10, lastSuccessAt: null });
    const failure = { mailboxId: service, phase: 'error', message: 'Serveur injoignable.', lastSuccessAt: '2025-03-14T09:00:00.000Z' } as const;
    core.events.emit('sync.status', failure);

    const camille = await signedIn('Camille Martin');
    const answer = await camille.call('sync.current', {});
    expect(answer).toEqual({
      ok: true,
      data: [
        { mailboxId: service, name: 'Accueil', address: 'accueil@centre.example', status: failure },
        { ...demoMailbox, status: null },
        { mailboxId: sales, name: 'Ventes', address: 'ventes@centre.example', status: null },
      ],
    });
  });
});
