import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, databaseFile, type Connection, type Core } from '../../../../electron/core/create-core';
import { mailboxes, queues } from '../../../../electron/core/db/schema';
import { memorySecretStore, type SecretStore } from '../../../../electron/core/ports';
import { createMailboxService } from '../../../../electron/core/services/mailboxes/mailbox-service';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type { MailboxSettings, MailboxView } from '../../../../shared/domain/mailbox';
import { CENTRE, centreSettings, startCentreRig, type CentreRig } from '../../mail/outbox/centre-rig';
import { fixedClock, migrationsFolder } from '../../temp-database';

let rig: CentreRig;
let dataDir: string;
let core: Core;
let secrets: SecretStore & { keys(): string[] };
let admin: Connection;
let agent: Connection;
let queueId: number;

/** A memory store that can list its keys, to see what the service leaves behind. */
function inspectableStore(): SecretStore & { keys(): string[] } {
  const inner = memorySecretStore();
  const keys = new Set<string>();
  return {
    set: async (key, secret) => void (await inner.set(key, secret), keys.add(key)),
    get: (key) => inner.get(key),
    delete: async (key) => void (await inner.delete(key), keys.delete(key)),
    keys: () => [...keys],
  };
}

async function signedIn(login: string): Promise<Connection> {
  const connection = core.connect();
  expect(await connection.call('session.signIn', { login, password: 'demo' })).toMatchObject({ ok: true });
  return connection;
}

async function data<T>(connection: Connection, name: string, input: unknown): Promise<T> {
  const result = await connection.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** The database's bytes, WAL included: a password written anywhere in SQLite would be here. */
function databaseBytes(): Buffer {
  const file = databaseFile(dataDir);
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

beforeAll(async () => {
  rig = await startCentreRig();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-mailboxes-'));
  secrets = inspectableStore();
  core = createCore({ dataDir, migrationsFolder, demo: true, clock: fixedClock(), secrets });
  admin = await signedIn('admin');
  agent = await signedIn('camille.martin');
  queueId = (core.db.orm.select().from(queues).where(eq(queues.name, 'Service clients')).get() as { id: number }).id;
});
afterAll(async () => {
  core?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await rig?.stop();
});

const settings = (changes: Partial<MailboxSettings> = {}) => centreSettings(rig, queueId, changes);

describe('mailboxes.* (administrator only)', () => {
  const password = 'Mot-de-passe-tres-secret-42';
  let created: MailboxView;

  it('creates a mailbox whose password goes to the secret store only', async () => {
    created = await data<MailboxView>(admin, 'mailboxes.create', { ...settings(), password });
    expect(created).toMatchObject({ name: 'Centre', address: CENTRE.user, hasPassword: true, sentFolder: null });
    expect(JSON.stringify(created)).not.toContain(password);

    // Beside the demo's own mailbox (which has no password: nothing ever logs in to it).
    const listed = await data<MailboxView[]>(admin, 'mailboxes.list', {});
    expect(listed.map((box) => [box.address, box.hasPassword])).toEqual([
      [CENTRE.user, true],
      ['service.clients@centre-demo.example.com', false],
    ]);
    expect(listed[0]).toEqual(created);
    expect(Object.keys(listed[0] as object)).not.toContain('password');
    expect(JSON.stringify(listed)).not.toContain(password);

    const row = core.db.orm.select().from(mailboxes).where(eq(mailboxes.id, created.id)).get();
    expect(await secrets.get(row?.secretKey as string)).toBe(password);
    core.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The search works: the row's other values are there to be found.
    expect(databaseBytes().includes(Buffer.from(CENTRE.user, 'utf8'))).toBe(true);
    expect(databaseBytes().includes(Buffer.from(password, 'utf8'))).toBe(false);
    expect(databaseBytes().includes(Buffer.from(password, 'utf16le'))).toBe(false);
  });

  it('keeps the password when an update leaves it out, and replaces it (old key gone) when given', async () => {
    const before = secrets.keys();
    const renamed = await data<MailboxView>(admin, 'mailboxes.update', { ...settings({ name: 'Centre (principal)' }), id: created.id });
    expect(renamed).toMatchObject({ name: 'Centre (principal)', hasPassword: true });
    expect(secrets.keys()).toEqual(before);

    const changed = 'Nouveau-mot-de-passe-77';
    await data<MailboxView>(admin, 'mailboxes.update', { ...settings(), id: created.id, password: changed });
    const row = core.db.orm.select().from(mailboxes).where(eq(mailboxes.id, created.id)).get();
    expect(secrets.keys()).toEqual([row?.secretKey]);
    expect(await secrets.get(row?.secretKey as string)).toBe(changed);
    expect(databaseBytes().includes(Buffer.from(changed, 'utf8'))).toBe(false);
    await data(admin, 'mailboxes.update', { ...settings(), id: created.id, password: CENTRE.password });
  });

  it('leaves no secret behind when the mailbox is refused', async () => {
    const before = secrets.keys();
    const result = await admin.call('mailboxes.create', { ...settings({ address: 'CENTRE@test.local' }), password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { address: expect.stringMatching(/déjà/) } } });
    expect(secrets.keys()).toEqual(before);
  });

  it('refuses plaintext off loopback on the field', async () => {
    const imap = { host: 'mail.example.com', port: 143, tls: 'none', user: 'centre' };
    const result = await admin.call('mailboxes.create', { ...settings({ address: 'autre@test.local' }), imap, password: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'imap.tls': expect.stringMatching(/en clair/) } } });
  });

  it('refuses every mailboxes.* call to an agent', async () => {
    for (const [name, input] of [
      ['mailboxes.list', {}],
      ['mailboxes.create', { ...settings({ address: 'x@test.local' }), password: 'x' }],
      ['mailboxes.update', { ...settings(), id: created.id }],
      ['mailboxes.test', { mailboxId: created.id }],
    ] as const) {
      expect(await agent.call(name, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('mailboxes.test', () => {
  const service = () => createMailboxService({ db: core.db, secrets, events: core.events }, { tls: { ca: rig.dovecot.ca } });
  const actor = () => core.db.sqlite.prepare(`SELECT id, display_name AS displayName, role FROM agents WHERE login = 'admin'`).get() as AgentSummary;

  it('tests a saved mailbox with its stored password', async () => {
    const id = (core.db.orm.select().from(mailboxes).where(eq(mailboxes.address, CENTRE.user)).get() as { id: number }).id;
    const report = await service().test({ mailboxId: id }, actor());
    expect(report.ok).toBe(true);
  });

  it('tests unsaved settings with a typed password, and tells a wrong one apart', async () => {
    expect((await service().test({ settings: settings(), password: CENTRE.password }, actor())).ok).toBe(true);
    const wrong = await service().test({ settings: settings(), password: 'faux' }, actor());
    expect(wrong.imap.steps.find((s) => s.step === 'auth')?.detail).toMatch(/mot de passe refusé/);
  });

  it('reports the untrusted certificate when the system does not know the CA', async () => {
    const report = await data<{ ok: boolean; imap: { steps: { step: string; detail: string }[] } }>(admin, 'mailboxes.test', {
      settings: settings(),
      password: CENTRE.password,
    });
    expect(report.ok).toBe(false);
    expect(report.imap.steps.find((s) => s.step === 'tls')?.detail).toMatch(/certificat du serveur est auto-signé/);
  });
});
