import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailRuntime, type MailRuntime } from '../../electron/core/mail/mail-runtime';
import { memorySecretStore } from '../../electron/core/ports';
import { createApi, type Api } from '../../shared/contract';
import type { MailboxSettings } from '../../shared/domain/mailbox';
import { CENTRE, centreSettings, startCentreRig, type CentreRig } from '../core/mail/outbox/centre-rig';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';

/**
 * Issue 12's acceptance, in Chromium: an administrator sees each message the sync could not file,
 * with its French reason, and downloads a source, creates a case from one, retries one after a fix,
 * and deletes one. The mail is really delivered into the rig's Dovecot and synced by the runtime.
 */

let rig: CentreRig;
let app: AppUnderTest;
let runtime: MailRuntime;
let browser: Browser;
let page: Page;
let admin: Api;
const pageErrors: string[] = [];
const partner = 'partenaire@test.local';

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');
const anonymous = raw([
  'Date: Fri, 14 Mar 2025 09:30:00 +0100',
  'Subject: =?UTF-8?Q?R=C3=A9clamation_sans_signature?=',
  'Message-ID: <anonyme.1@exemple.fr>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Mon colis est arrivé abîmé.',
  '',
]);
const spam = raw(['Date: Thu, 13 Mar 2025 22:00:00 +0100', 'Subject: Gagnez un voyage', 'Message-ID: <spam.1@exemple.biz>', '', 'Cliquez ici.', '']);
const fromPartner = raw([
  'Date: Fri, 14 Mar 2025 10:15:00 +0100',
  'From: Partenaire Logistique <partenaire@test.local>',
  'To: centre@test.local',
  'Subject: Livraison du 14 mars',
  'Message-ID: <livraison.14@partenaire.test>',
  '',
  'Le transporteur passera demain matin.',
  '',
]);
const junk = Buffer.from('\x01\x02 pas un e-mail \x03\r\n');

let mistaken: { id: number; settings: MailboxSettings };

async function adminApi(): Promise<Api> {
  const connection = app.core.connect();
  const api = createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  await api.session.signIn({ login: 'admin', password: 'demo' });
  return api;
}

beforeAll(async () => {
  [rig, app, browser] = await Promise.all([startCentreRig(), startApp({ secrets: memorySecretStore() }), launchChromium()]);
  admin = await adminApi();
  // The administrator's set-up, as the mailbox screen does it: the centre's mailbox, and an unused
  // one where a partner's address was typed by mistake (so the partner's mail looks like our own).
  const queueId = (await admin.admin.queues()).find((queue) => queue.name === 'Service clients')!.id;
  await admin.mailboxes.create({ ...centreSettings(rig, queueId), password: CENTRE.password });
  const settings = { ...centreSettings(rig, queueId), name: 'Ancienne boîte', address: partner, active: false };
  mistaken = { id: (await admin.mailboxes.create({ ...settings, password: 'inutile' })).id, settings };
  runtime = await startMailRuntime(app.core, { tls: { ca: rig.dovecot.ca }, log: () => undefined });
  for (const message of [junk, spam, fromPartner, anonymous]) await rig.dovecot.deliver(CENTRE.user, message);
});

afterAll(async () => {
  await runtime?.stop();
  await browser?.close();
  await app?.stop();
  await rig?.stop();
});

const row = (subject: string) => page.getByTestId('quarantine-row').filter({ hasText: subject });
const badge = () => page.getByTestId('quarantine-badge');

describe('the quarantine screen', () => {
  it('shows each message the sync could not file, with its French reason, from the header’s count', async () => {
    await expect.poll(async () => (await admin.quarantine.count()).count, { timeout: 20_000, interval: 50 }).toBe(4);
    page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(app.host.url);
    await page.getByTestId('signin-agent').selectOption({ label: 'Admin Unified' });
    await page.getByTestId('signin-password').fill('demo');
    await page.getByTestId('signin-submit').click();

    await expect.poll(() => badge().textContent()).toBe('4');
    expect(await page.getByTestId('quarantine-link').getAttribute('aria-label')).toBe('Quarantaine des e-mails : 4 messages');
    await page.getByTestId('quarantine-link').click();
    await page.getByTestId('quarantine-table').waitFor();

    const subjects = await page.getByTestId('quarantine-subject').allTextContents();
    expect(subjects).toEqual(['Réclamation sans signature', 'Livraison du 14 mars', 'Gagnez un voyage', '(sans objet)']);
    expect(await row('Livraison du 14 mars').getByTestId('quarantine-sender').textContent()).toBe('Partenaire Logistique <partenaire@test.local>');
    expect(await row('Livraison du 14 mars').getByTestId('quarantine-reason').textContent()).toContain(
      'Message envoyé depuis une adresse du centre et ne répondant à aucun dossier',
    );
    expect(await row('Réclamation sans signature').getByTestId('quarantine-reason').textContent()).toContain(
      'Message sans expéditeur (ni From ni Reply-To) : impossible de le rattacher à un contact.',
    );
    expect(await row('(sans objet)').getByTestId('quarantine-reason').textContent()).toMatch(
      /^\s*Message illisible : sa source n’a pas pu être analysée comme un e-mail\.\s*Détail technique : Source illisible/,
    );
    expect(await row('Réclamation sans signature').textContent()).toContain('14/03/2025 09:30');
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'quarantine.png') });
  });

  it('downloads a message’s source as it arrived', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), row('Réclamation sans signature').getByTestId('quarantine-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^quarantaine-\d+\.eml$/);
    expect(await readFile(await download.path())).toEqual(anonymous);
  });

  it('creates a case from a message without a sender, once its contact is given', async () => {
    await row('Réclamation sans signature').getByTestId('quarantine-create').click();
    const dialog = page.getByTestId('quarantine-case-dialog');
    await dialog.getByTestId('quarantine-case-queue').selectOption({ label: 'Réclamations' });
    expect(await dialog.getByTestId('quarantine-case-email').inputValue()).toBe('');
    await dialog.getByTestId('quarantine-case-confirm').click();
    expect(await dialog.getByTestId('quarantine-case-email-error').textContent()).toContain(
      'Ce message n’a pas d’expéditeur : indiquez l’adresse e-mail du contact.',
    );
    await dialog.getByTestId('quarantine-case-email').fill('lea.roux@exemple.fr');
    await dialog.getByTestId('quarantine-case-confirm').click();

    await expect.poll(() => page.getByTestId('quarantine-outcome').textContent()).toMatch(/Dossier \d{6} créé dans la file Réclamations\./);
    // An administrator handles no case: the case is named, not linked.
    expect(await page.getByTestId('quarantine-open-case').count()).toBe(0);
    expect(await row('Réclamation sans signature').count()).toBe(0);
    await expect.poll(() => badge().textContent()).toBe('3');
  });

  it('files a message on « Réessayer » once the administrator has fixed the mailbox that kept it out', async () => {
    await admin.mailboxes.update({ ...mistaken.settings, id: mistaken.id, address: 'ancienne-boite@test.local' });
    await row('Livraison du 14 mars').getByTestId('quarantine-retry').click();
    await expect.poll(() => page.getByTestId('quarantine-outcome').textContent()).toMatch(/Message classé dans le dossier \d{6}\./);
    expect(await row('Livraison du 14 mars').count()).toBe(0);
    await expect.poll(() => badge().textContent()).toBe('2');
  });

  it('leaves a message that still cannot be filed where it is, and says why', async () => {
    await row('Gagnez un voyage').getByTestId('quarantine-retry').click();
    await expect.poll(() => page.getByTestId('quarantine-outcome').textContent()).toContain(
      'Le message reste en quarantaine : Message sans expéditeur (ni From ni Reply-To)',
    );
    expect(await row('Gagnez un voyage').count()).toBe(1);
  });

  it('deletes a message after a confirmation, and Escape keeps it', async () => {
    await row('Gagnez un voyage').getByTestId('quarantine-delete').click();
    await page.getByTestId('quarantine-delete-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('quarantine-delete-dialog').waitFor({ state: 'detached' });
    expect(await row('Gagnez un voyage').count()).toBe(1);

    await row('Gagnez un voyage').getByTestId('quarantine-delete').click();
    expect(await page.getByTestId('quarantine-delete-dialog').textContent()).toContain('Supprimer définitivement « Gagnez un voyage » ((aucun)) et sa source ?');
    await page.getByTestId('quarantine-delete-confirm').click();
    await expect.poll(() => row('Gagnez un voyage').count()).toBe(0);
    await expect.poll(() => badge().textContent()).toBe('1');
    expect(await page.getByTestId('quarantine-row').count()).toBe(1);
    expect((await admin.quarantine.list({})).entries.map((entry) => entry.subject)).toEqual(['']);
    expect(pageErrors).toEqual([]);
  });
});
