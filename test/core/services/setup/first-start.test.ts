import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApi, type Api } from '../../../../shared/contract';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { fixedClock, migrationsFolder } from '../../temp-database';
import { refusal } from '../admin/demo-core';

/**
 * Issue 13, point 1: an installation starts empty, asks « Découvrir avec un centre de
 * démonstration » or « Créer mon centre », and neither choice can be made again later.
 */
let dataDir: string;
let core: Core;

const api = (): Api => {
  const connection = core.connect();
  return createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
};

/** The sign-in steps in one place: a real centre's screen asks for the login. */
async function signIn(window: Api, login: string, password: string): Promise<void> {
  await window.session.signIn({ login, password });
}

const centre = { centreName: 'Mutuelle du Val', login: 'claire.admin', displayName: 'Claire Admin', password: 'Vingt-deux lapins !' };

const rowCount = (table: string) => (core.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-setup-'));
  core = createCore({ dataDir, migrationsFolder, clock: fixedClock() });
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an empty data folder started without --demo', () => {
  it('is an empty centre: no account at all, no demo, the first-start choice to make', async () => {
    const window = api();
    expect(await window.setup.status()).toEqual({ state: 'empty', centreName: null });
    expect(await window.session.agents()).toEqual([]);
    expect((await window.app.info()).demo).toBe(false);
    expect(rowCount('cases')).toBe(0);
  });
});

describe('« Découvrir avec un centre de démonstration »', () => {
  it('loads the demo, which then says it is one, and cannot be loaded again', async () => {
    const window = api();
    expect(await window.setup.loadDemo()).toEqual({ state: 'demo', centreName: null });
    expect((await window.app.info()).demo).toBe(true);
    expect((await window.session.agents()).map((a) => a.displayName)).toContain('Camille Martin');
    const cases = rowCount('cases');
    const again = await refusal(api().setup.loadDemo());
    expect(again).toMatchObject({ code: 'refused', message: 'Ce centre est déjà en service : connectez-vous avec votre compte.' });
    expect(rowCount('cases')).toBe(cases);
    await expect(api().setup.createCentre(centre)).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('« Créer mon centre »', () => {
  it('refuses a short password, or one built on the login, on its field; nothing is written', async () => {
    const window = api();
    const short = await refusal(window.setup.createCentre({ ...centre, password: 'court' }));
    expect(short.fields).toEqual({ password: 'Le mot de passe doit compter au moins 12 caractères.' });
    const onLogin = await refusal(window.setup.createCentre({ ...centre, password: 'Claire.Admin-2025' }));
    expect(onLogin.fields).toEqual({ password: 'Le mot de passe ne doit pas contenir l’identifiant.' });
    const noName = await refusal(window.setup.createCentre({ ...centre, centreName: '  ' }));
    expect(noName.fields).toEqual({ centreName: 'Le nom du centre est obligatoire.' });
    expect(await window.setup.status()).toEqual({ state: 'empty', centreName: null });
    expect(rowCount('agents')).toBe(0);
  });

  it('creates the centre, its standard forms and its only account, the administrator, signed in at once', async () => {
    const window = api();
    const administrator = await window.setup.createCentre(centre);
    expect(administrator).toMatchObject({ displayName: 'Claire Admin', role: 'administrator' });
    expect(await window.session.current()).toEqual(administrator);
    expect(await window.setup.status()).toEqual({ state: 'centre', centreName: 'Mutuelle du Val' });
    expect((await window.app.info()).demo).toBe(false);
    const forms = await window.admin.forms();
    expect(forms.map((f) => [f.name, f.media, f.standard])).toEqual([
      ['Courrier', 'letter', true],
      ['E-mail', 'email', true],
      ['Téléphone', 'phone', true],
    ]);
    // No account with a default password: the administrator's is the one they typed.
    expect((await window.admin.agents()).map((a) => a.displayName)).toEqual(['Claire Admin']);
    const other = api();
    await expect(signIn(other, centre.login, 'demo')).rejects.toBeInstanceOf(ApiError);
    await signIn(other, centre.login, centre.password);
    expect((await other.session.current())?.role).toBe('administrator');
  });

  it('lets only the first of two windows choosing at once win', async () => {
    const results = await Promise.allSettled([
      api().setup.createCentre(centre),
      api().setup.createCentre({ ...centre, login: 'autre.admin', displayName: 'Autre Admin' }),
      api().setup.loadDemo(),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await api().setup.status()).toEqual({ state: 'centre', centreName: 'Mutuelle du Val' });
    expect(rowCount('agents')).toBe(1);
  });

  it('stays a real centre when started again, even with --demo', async () => {
    await api().setup.createCentre(centre);
    core.close();
    core = createCore({ dataDir, migrationsFolder, demo: true, clock: fixedClock() });
    expect(await api().setup.status()).toEqual({ state: 'centre', centreName: 'Mutuelle du Val' });
    expect(rowCount('cases')).toBe(0);
  });
});

describe('the checklist of a new centre', () => {
  it('ticks each item from the centre’s own data, for the administrator only', async () => {
    const admin = api();
    await admin.setup.createCentre(centre);
    const undone = (await admin.setup.checklist()).filter((entry) => !entry.done).map((entry) => entry.item);
    expect(undone).toEqual(['mailbox', 'sendingMailbox', 'queues', 'agents', 'contacts']);

    const queue = await admin.admin.createQueue({ name: 'Service clients', media: 'email', distribution: 'pull' });
    const endpoint = (port: number) => ({ host: 'mail.mutuelle.example.com', port, tls: 'implicit' as const, user: 'support' });
    const mailbox = await admin.mailboxes.create({
      name: 'Support',
      address: 'support@mutuelle.example.com',
      senderName: 'Mutuelle du Val',
      queueId: queue.id,
      imap: endpoint(993),
      smtp: endpoint(465),
      password: 'secret',
    });
    await admin.admin.updateSettings({ ...(await admin.admin.settings()), defaultSendingMailboxId: mailbox.id });
    const agent = await admin.admin.createAgent({ login: 'paul', displayName: 'Paul Agent', role: 'agent', password: 'un mot de passe' });
    await admin.admin.updateQueue({ ...queue, memberIds: [agent.id] });
    const paul = api();
    await signIn(paul, 'paul', 'un mot de passe');
    await paul.addressBook.create({ civility: 'madame', lastName: 'Roche', email: 'v.roche@example.org' });

    expect((await admin.setup.checklist()).every((entry) => entry.done)).toBe(true);
    expect(await refusal(paul.setup.checklist())).toMatchObject({ code: 'forbidden' });
  });
});
