import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestSink } from '../../electron/core/mail/ingest/create-ingest-sink';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';
import { openDesk, signedInPage } from './case-helpers';

let app: AppUnderTest;
let browser: Browser;
const pageErrors: string[] = [];
const shot = (name: string) => path.join(repoRoot, 'docs', 'screenshots', name);

const queueName = 'Clients premium';
const themeName = 'Offres premium';
const templateTitle = 'Prise en charge premium';
const subject = 'Résiliation de mon offre premium';

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The administrator has no desk: signing in opens the administration. */
async function adminPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.host.url);
  await page.getByTestId('signin-demo-account').filter({ hasText: 'Admin Unified' }).click();
  await page.getByTestId('signin-password').fill('demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('admin').waitFor();
  return page;
}

async function addPullQueueWithCamille(page: Page): Promise<void> {
  await page.getByTestId('admin-menu-queues').click();
  await page.getByTestId('admin-new').click();
  const form = page.getByTestId('queue-form');
  // The schema's own message, on the field, before anything is sent.
  await form.getByTestId('admin-save').click();
  await expect.poll(() => form.getByTestId('error-name').textContent()).toBe('Le nom de la file est obligatoire.');

  await form.getByTestId('field-name').fill(queueName);
  await form.getByTestId('field-media').selectOption({ label: 'E-mail' });
  await form.getByTestId('field-distribution').selectOption('pull');
  await form.getByTestId('field-memberIds').getByLabel('Camille Martin').check();
  await form.getByTestId('field-acknowledgementText').fill('Nous avons bien reçu votre message.');
  await form.getByTestId('admin-save').click();
  await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
  await page.screenshot({ path: shot('admin-queues.png') });
}

/** The mailbox that feeds the new queue: mail to it that no rule routes lands there. */
async function addMailboxForQueue(page: Page): Promise<void> {
  await page.getByTestId('admin-menu-mailboxes').click();
  await page.getByTestId('admin-new').click();
  const form = page.getByTestId('mailbox-form');
  await form.getByTestId('field-name').fill('Premium');
  await form.getByTestId('field-queueId').selectOption({ label: queueName });
  await form.getByTestId('field-address').fill('premium@centre-demo.example.com');
  await form.getByTestId('field-senderName').fill('Service premium');
  for (const server of ['imap', 'smtp']) {
    await form.getByTestId(`field-${server}.host`).fill('127.0.0.1');
    await form.getByTestId(`field-${server}.user`).fill('premium');
  }
  await form.getByTestId('field-password').fill('secret-premium');
  await form.getByTestId('admin-save').click();
  await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
  // Written, never read back: the edited mailbox shows "inchangé", not the password.
  await expect.poll(() => form.getByTestId('field-password').getAttribute('placeholder')).toBe('inchangé');
  expect(await form.getByTestId('field-password').inputValue()).toBe('');
}

async function addTemplateInNewTheme(page: Page): Promise<void> {
  await page.getByTestId('admin-menu-templates').click();
  await page.getByTestId('theme-add-root').click();
  await page.getByTestId('tree-name').fill(themeName);
  await page.getByTestId('tree-name').press('Enter');
  const theme = page.getByTestId('theme-row').filter({ hasText: themeName });
  await theme.getByTestId('template-new').click();

  const form = page.getByTestId('template-form');
  await form.getByTestId('field-title').fill(templateTitle);
  await form.getByTestId('field-bodyHtml').click();
  await page.keyboard.type('Bonjour');
  await form.getByTestId('placeholder-contact.civility').click();
  await form.getByTestId('placeholder-contact.lastName').click();
  await form.getByTestId('field-bodyHtml').press('End');
  await page.keyboard.type(', votre dossier');
  await form.getByTestId('placeholder-case.number').click();
  await form.getByTestId('admin-save').click();
  await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
  await expect.poll(() => page.getByTestId('template-row').filter({ hasText: templateTitle }).count()).toBe(1);
  await page.screenshot({ path: shot('admin-templates.png') });
}

/** A message to the new mailbox, filed by the real ingest (as IMAP sync hands it over). */
function receiveMail(): void {
  const db = app.core.db.sqlite;
  const { id: mailboxId } = db.prepare(`SELECT id FROM mailboxes WHERE name = 'Premium'`).get() as { id: number };
  const sink = createIngestSink({ db: app.core.db, clock: app.core.clock, events: app.core.events, dataDir: app.core.dataDir });
  const outcome = sink.ingest({
    mailboxId,
    folder: 'INBOX',
    uidValidity: 1,
    uid: 1,
    messageId: '<resiliation-1@example.org>',
    inReplyTo: null,
    references: [],
    from: { name: 'Jeanne Dupré', address: 'jeanne.dupre@example.org' },
    replyTo: [],
    to: [{ name: 'Service premium', address: 'premium@centre-demo.example.com' }],
    cc: [],
    subject,
    date: new Date().toISOString(),
    text: 'Bonjour, je souhaite résilier mon offre premium.',
    html: null,
    headers: {},
    attachments: [],
    rawSha256: '0'.repeat(64),
    rawSize: 0,
  });
  expect(outcome.kind).toBe('new_case');
}

describe('an administrator sets up a queue and a template that an agent then uses', () => {
  it('adds a pull queue with Camille and a template; Camille takes a case there and inserts the template', async () => {
    const admin = await adminPage();
    await addPullQueueWithCamille(admin);
    await addMailboxForQueue(admin);
    await addTemplateInNewTheme(admin);
    receiveMail();

    const page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await expect.poll(() => page.getByTestId('nav-queue').filter({ hasText: queueName }).count()).toBe(1);
    await openDesk(page, 'nav-queue', queueName);
    const take = page.getByTestId('case-row').filter({ hasText: subject }).getByTestId('case-take');
    await expect.poll(() => take.textContent()).toContain('Prendre');
    await take.click();
    await expect.poll(() => page.getByTestId('case-subject').textContent()).toBe(subject);

    await page.getByTestId('composer').getByText('Réponses types').click();
    await page.getByTestId('template-item').filter({ hasText: templateTitle }).click();
    const { number } = app.core.db.sqlite.prepare('SELECT number FROM cases WHERE subject = ?').get(subject) as { number: string };
    const editor = page.getByTestId('composer-editor');
    await expect.poll(() => editor.textContent()).toContain(`Dupré, votre dossier ${number}`);
    expect(await editor.textContent()).not.toContain('{{');
    expect(pageErrors).toEqual([]);
  });
});
