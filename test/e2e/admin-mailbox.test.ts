import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchChromium, startDovecot, startSmtpServer, type DovecotInstance, type SmtpServerInstance } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';

let app: AppUnderTest;
let browser: Browser;
let dovecot: DovecotInstance;
let smtp: SmtpServerInstance;
const pageErrors: string[] = [];
const shot = (name: string) => path.join(repoRoot, 'docs', 'screenshots', name);
const centre = { user: 'centre', password: 'motdepasse-centre' };

beforeAll(async () => {
  dovecot = await startDovecot({ users: [centre] });
  smtp = await startSmtpServer({ dovecot });
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
  await dovecot?.stop();
});

async function newMailboxForm(): Promise<{ page: Page; form: Locator }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1200 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.host.url);
  await page.getByTestId('signin-demo-account').filter({ hasText: 'Admin Unified' }).click();
  await page.getByTestId('signin-password').fill('demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('admin-menu-mailboxes').click();
  await page.getByTestId('admin-new').click();
  const form = page.getByTestId('mailbox-form');
  await form.getByTestId('field-name').fill('Service clients');
  await form.getByTestId('field-queueId').selectOption({ label: 'Service clients' });
  await form.getByTestId('field-address').fill('centre@centre-demo.example.com');
  await form.getByTestId('field-senderName').fill('Centre de relation clients');
  await form.getByTestId('field-password').fill(centre.password);
  return { page, form };
}

/** Plaintext is allowed on loopback only: the rig's servers are on 127.0.0.1. */
async function fillServer(form: Locator, server: 'imap' | 'smtp', port: number): Promise<void> {
  await form.getByTestId(`field-${server}.host`).fill(dovecot.host);
  await form.getByTestId(`field-${server}.port`).fill(String(port));
  await form.getByTestId(`field-${server}.tls`).selectOption('none');
  await form.getByTestId(`field-${server}.user`).fill(centre.user);
}

const stepOf = (form: Locator, server: 'imap' | 'smtp', step: 'tcp' | 'auth') =>
  form.getByTestId(`report-${server}`).locator(`[data-step="${step}"]`);

describe('an administrator tests a mailbox before saving it', () => {
  it('reports, in French and step by step, a server that does not answer', async () => {
    const { page, form } = await newMailboxForm();
    const closed = await freePort();
    await fillServer(form, 'imap', closed);
    await fillServer(form, 'smtp', closed);
    await form.getByTestId('mailbox-test').click();

    await expect.poll(() => form.getByTestId('connection-verdict').textContent()).toContain('La connexion a échoué');
    const tcp = stepOf(form, 'imap', 'tcp');
    expect(await tcp.textContent()).toContain('Connexion TCPÉchec');
    expect(await tcp.textContent()).toContain(`Connexion à ${dovecot.host}:${closed} impossible`);
    expect(await stepOf(form, 'imap', 'auth').textContent()).toContain('Non testé');
    await form.getByTestId('connection-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('admin-mailbox-test-failed.png') });

    // The field rules first: a plaintext server off this machine is refused on its own field.
    await form.getByTestId('field-smtp.host').fill('smtp.example.com');
    await form.getByTestId('mailbox-test').click();
    await expect.poll(() => form.getByTestId('error-smtp.tls').textContent()).toContain('ce mode n’est permis que pour un serveur sur cette machine');
  });

  it('reports success against the rig’s Dovecot and SMTP server, then saves the mailbox', async () => {
    const { page, form } = await newMailboxForm();
    await fillServer(form, 'imap', dovecot.imapPort);
    await fillServer(form, 'smtp', smtp.port);
    await form.getByTestId('mailbox-test').click();

    await expect.poll(() => form.getByTestId('connection-verdict').textContent(), { timeout: 20_000 }).toContain('Connexion réussie');
    expect(await stepOf(form, 'imap', 'auth').textContent()).toContain(`Connecté en tant que « ${centre.user} »`);
    await form.getByTestId('connection-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('admin-mailbox-test.png') });

    await form.getByTestId('admin-save').click();
    await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
    const saved = app.core.db.sqlite.prepare('SELECT imap_port, smtp_port FROM mailboxes WHERE address = ?').get('centre@centre-demo.example.com');
    expect(saved).toEqual({ imap_port: dovecot.imapPort, smtp_port: smtp.port });
    expect(pageErrors).toEqual([]);
  });
});
