import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailRuntime, type MailRuntime } from '../../electron/core/mail/mail-runtime';
import { memorySecretStore } from '../../electron/core/ports';
import { freePort, launchChromium, startDovecot, type DovecotInstance } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';
import { demoAdministrator, signedInPage } from './case-helpers';

const centre = { user: 'centre@test.local', password: 'centre-secret' };

let app: AppUnderTest;
let dovecot: DovecotInstance;
let runtime: MailRuntime | undefined;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [app, dovecot, browser] = await Promise.all([startApp({ secrets: memorySecretStore() }), startDovecot({ users: [centre] }), launchChromium()]);
  page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
});

afterAll(async () => {
  await runtime?.stop();
  await browser?.close();
  await app?.stop();
  await dovecot?.stop();
});

/** A mailbox added as the administration screen adds it; its password in the core's secret store. */
async function addMailbox(name: string, address: string, imap: { port: number; tls: 'implicit' | 'starttls' }): Promise<void> {
  const admin = await demoAdministrator(app);
  const queueId = (await admin.admin.queues()).find((queue) => queue.name === 'Service clients')?.id as number;
  const server = { host: '127.0.0.1', user: centre.user };
  await admin.mailboxes.create({
    name,
    address,
    senderName: 'Centre',
    queueId,
    imap: { ...server, ...imap },
    smtp: { ...server, port: 465, tls: 'implicit' },
    password: centre.password,
  });
}

const mailbox = (name: string) => page.getByTestId('sync-mailbox').filter({ hasText: name });

describe('mail sync status in the header', () => {
  it('shows the demo’s own mailbox, pending while no mail runtime has reported', async () => {
    await page.getByTestId('header-agent').waitFor();
    await expect.poll(() => page.getByTestId('sync-mailbox').count()).toBe(1);
    expect(await mailbox('Service clients').getAttribute('data-phase')).toBe('pending');
  });

  it('shows each mailbox as it syncs: synced for a working server, the French error for one that is down', async () => {
    await addMailbox('Ventes', 'ventes@test.local', { port: dovecot.imapsPort, tls: 'implicit' });
    const downPort = await freePort();
    await addMailbox('Réclamations', 'reclamations@test.local', { port: downPort, tls: 'implicit' });
    runtime = await startMailRuntime(app.core, { tls: { ca: dovecot.ca }, log: () => undefined });

    // The page was open before the mailboxes existed: their names come with the first event.
    await expect.poll(() => mailbox('Ventes').getAttribute('data-phase'), { timeout: 20_000 }).toBe('idle');
    expect(await mailbox('Ventes').getByTestId('sync-label').textContent()).toBe('Synchronisé');
    expect(await mailbox('Ventes').getAttribute('title')).toMatch(/^ventes@test\.local · Dernière synchronisation : \d\d\/\d\d\/\d{4}/);
    // The demo's mailbox has no server: always up to date once the runtime runs.
    expect(await mailbox('Service clients').getAttribute('data-phase')).toBe('idle');

    await expect.poll(() => mailbox('Réclamations').getAttribute('data-phase'), { timeout: 20_000 }).toBe('error');
    expect(await mailbox('Réclamations').getByTestId('sync-label').textContent()).toBe(
      `Connexion refusée par 127.0.0.1:${downPort} : vérifiez le port et que le serveur IMAP fonctionne.`,
    );
    expect(await mailbox('Réclamations').getAttribute('title')).toMatch(/^Connexion refusée .* · reclamations@test\.local · Jamais synchronisée$/);
    await page.getByTestId('sync-status').screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'header-sync-status.png') });
  });

  it('gives a window opened later where each mailbox stands', async () => {
    const late = await signedInPage(browser, app, 'Lucas Bernard', pageErrors);
    const phases = () => late.getByTestId('sync-mailbox').evaluateAll((items) => items.map((item) => item.getAttribute('data-phase')));
    // Sorted by name: Réclamations, Service clients (the demo's), Ventes.
    await expect.poll(phases).toEqual(['error', 'idle', 'idle']);
    await late.close();
    expect(pageErrors).toEqual([]);
  });
});
