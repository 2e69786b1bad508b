import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailRuntime, type MailRuntime } from '../../electron/core/mail/mail-runtime';
import { readByMessageId } from '../core/mail/outbox/centre-rig';
import { launchChromium, startDovecot, startSmtpServer, type DovecotInstance, type SmtpServerInstance } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';
import { openDesk, signIn } from './case-helpers';

/**
 * Issue 13, acceptance: an empty data folder started without --demo asks what to do. « Créer mon
 * centre » leads, through the administration screens only, to a centre that receives a customer's
 * mail and answers it into the customer's mailbox (the rig's real Dovecot and SMTP server).
 */
const mailbox = { user: 'support@test.local', password: 'support-secret' };
const lea = { user: 'lea@test.local', password: 'lea-secret' };
const administrator = { login: 'claire.admin', displayName: 'Claire Admin', password: 'Une phrase de passe solide' };
const agent = { login: 'paul.agent', displayName: 'Paul Agent', password: 'mot de passe de Paul' };
const subject = 'Attestation pour mon employeur';
const shot = (name: string) => path.join(repoRoot, 'docs', 'screenshots', name);

let browser: Browser;
const pageErrors: string[] = [];

async function newPage(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return page;
}

const saved = (page: Page) => expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
const checklistItem = (page: Page, item: string) => page.getByTestId(`checklist-${item}`);

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  expect(pageErrors).toEqual([]);
});

describe('the first start, choosing the demo', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await startApp({ demo: false });
  });
  afterAll(async () => app?.stop());

  it('shows the choice instead of sign-in, then the demo centre, which says it is one', async () => {
    const page = await newPage(app.host.url);
    await page.getByTestId('first-start').waitFor();
    expect(await page.getByTestId('first-start-demo').textContent()).toContain('Découvrir avec un centre de démonstration');
    expect(await page.getByTestId('first-start-create').textContent()).toContain('Créer mon centre');
    expect(await page.getByTestId('signin-submit').count()).toBe(0);
    await page.screenshot({ path: shot('first-start-choice.png') });

    await page.getByTestId('first-start-demo').click();
    await page.getByTestId('signin-submit').waitFor();
    expect(await page.getByTestId('demo-banner').textContent()).toContain('Centre de démonstration');
    await signIn(page, { login: 'camille.martin', displayName: 'Camille Martin', password: 'demo' });
    await page.getByTestId('desk-title').waitFor();
    expect(await page.getByTestId('demo-banner').count()).toBe(1);
    await page.close();
  });
});

describe('the first start, creating one’s own centre', () => {
  let app: AppUnderTest;
  let dovecot: DovecotInstance;
  let smtp: SmtpServerInstance;
  let runtime: MailRuntime;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [mailbox, lea] });
    smtp = await startSmtpServer({ dovecot });
    app = await startApp({ demo: false });
    // As the host runs it: it follows the mailboxes the administrator adds.
    runtime = await startMailRuntime(app.core);
  });
  afterAll(async () => {
    await runtime?.stop();
    await app?.stop();
    await smtp?.stop();
    await dovecot?.stop();
  });

  it('sets the centre up through its screens; the agent answers a customer, whose mailbox receives the reply', async () => {
    const page = await newPage(app.host.url);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('first-start-create').click();

    // « Créer mon centre »: the password rule is the core's, shown on its field.
    const form = page.getByTestId('create-centre');
    await form.getByTestId('field-centreName').fill('Mutuelle du Val');
    await form.getByTestId('field-login').fill(administrator.login);
    await form.getByTestId('field-displayName').fill(administrator.displayName);
    await form.getByTestId('field-password').fill('claire.admin2025');
    await form.getByTestId('field-confirm').fill('claire.admin2025');
    await form.getByTestId('create-centre-submit').click();
    await expect.poll(() => form.getByTestId('error-password').textContent()).toBe('Le mot de passe ne doit pas contenir l’identifiant.');
    await form.getByTestId('field-password').fill(administrator.password);
    await form.getByTestId('field-confirm').fill(administrator.password);
    await page.screenshot({ path: shot('first-start-create.png') });
    await form.getByTestId('create-centre-submit').click();

    // The administration home, with its checklist, nothing done yet.
    const checklist = page.getByTestId('setup-checklist');
    await checklist.waitFor();
    expect(await checklist.locator('[data-done="false"]').count()).toBe(5);
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
    await page.screenshot({ path: shot('first-start-checklist.png') });

    // « Créer les files »
    await checklistItem(page, 'queues').getByRole('link').click();
    await page.getByTestId('admin-new').click();
    const queue = page.getByTestId('queue-form');
    await queue.getByTestId('field-name').fill('Service clients');
    await queue.getByTestId('field-media').selectOption({ label: 'E-mail' });
    await queue.getByTestId('field-distribution').selectOption('pull');
    expect(await queue.getByTestId('queue-sends-from').textContent()).toContain('Aucune boîte d’envoi');
    await queue.getByTestId('admin-save').click();
    await saved(page);
    await expect.poll(() => checklistItem(page, 'queues').getAttribute('data-done')).toBe('true');

    // « Ajouter une boîte aux lettres », tested against the rig before it is saved.
    await checklistItem(page, 'mailbox').getByRole('link').click();
    await page.getByTestId('admin-new').click();
    const box = page.getByTestId('mailbox-form');
    await box.getByTestId('field-name').fill('Support');
    await box.getByTestId('field-queueId').selectOption({ label: 'Service clients' });
    await box.getByTestId('field-address').fill(mailbox.user);
    await box.getByTestId('field-senderName').fill('Mutuelle du Val');
    await box.getByTestId('field-password').fill(mailbox.password);
    for (const [server, port] of [['imap', dovecot.imapPort], ['smtp', smtp.port]] as const) {
      await box.getByTestId(`field-${server}.host`).fill(dovecot.host);
      await box.getByTestId(`field-${server}.port`).fill(String(port));
      await box.getByTestId(`field-${server}.tls`).selectOption('none');
      await box.getByTestId(`field-${server}.user`).fill(mailbox.user);
    }
    await box.getByTestId('mailbox-test').click();
    await expect.poll(() => box.getByTestId('connection-verdict').textContent(), { timeout: 20_000 }).toContain('Connexion réussie');
    await box.getByTestId('admin-save').click();
    await saved(page);

    // « Choisir la boîte d'envoi par défaut »
    await checklistItem(page, 'sendingMailbox').getByRole('link').click();
    const settings = page.getByTestId('settings-form');
    await settings.getByTestId('field-defaultSendingMailboxId').selectOption({ label: `Support <${mailbox.user}>` });
    await settings.getByTestId('admin-save').click();
    await saved(page);

    // « Créer les agents », then the agent joins the queue, which says where its replies leave from.
    await checklistItem(page, 'agents').getByRole('link').click();
    await page.getByTestId('admin-new').click();
    const account = page.getByTestId('agent-form');
    await account.getByTestId('field-displayName').fill(agent.displayName);
    await account.getByTestId('field-login').fill(agent.login);
    await account.getByTestId('field-password').fill(agent.password);
    await account.getByTestId('admin-save').click();
    await saved(page);
    await page.getByTestId('admin-menu-queues').click();
    await page.getByTestId('admin-item').filter({ hasText: 'Service clients' }).click();
    await queue.getByTestId('field-memberIds').getByLabel(agent.displayName).check();
    expect(await queue.getByTestId('queue-sends-from').textContent()).toBe(`Envoi depuis : ${mailbox.user} (boîte par défaut du centre)`);
    await queue.getByTestId('admin-save').click();
    await saved(page);
    const done = (item: string) => checklistItem(page, item).getAttribute('data-done');
    for (const item of ['mailbox', 'sendingMailbox', 'queues', 'agents']) expect(await done(item), item).toBe('true');
    expect(await done('contacts')).toBe('false');
    await page.getByTestId('setup-checklist').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('first-start-checklist-progress.png') });
    await page.getByTestId('sign-out').click();

    // The agent signs in; a customer writes to the centre's mailbox.
    await signIn(page, agent);
    await page.getByTestId('desk-title').waitFor();
    await sendAsCustomer('Bonjour, pourriez-vous m’envoyer une attestation de contrat ? Léa Morel');
    await openDesk(page, 'nav-queue', 'Service clients');
    const row = page.getByTestId('case-row').filter({ hasText: subject });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.getByTestId('case-take').click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-editor').click();
    await page.keyboard.type('Bonjour Madame, votre attestation vous parvient par courrier cette semaine.');
    await page.getByTestId('action-reply_and_close').click();
    await expect.poll(() => page.getByTestId('case-notice').textContent()).toContain('le dossier est clos');

    // The customer's own mailbox receives the reply, from the centre's default sending mailbox.
    const sent = () => app.core.db.sqlite.prepare(`SELECT message_id_header AS id FROM outbox WHERE status = 'sent'`).all() as { id: string }[];
    await expect.poll(() => sent().length, { timeout: 20_000 }).toBe(1);
    const rig = { dovecot, smtp, stop: async () => undefined };
    const [received, ...again] = await readByMessageId(rig, lea, sent()[0]!.id);
    expect(again).toEqual([]);
    expect(received?.parsed.subject).toMatch(new RegExp(`^RE: ${subject} \\[#\\d+\\]$`));
    expect(received?.parsed.from?.value).toEqual([{ name: 'Mutuelle du Val', address: mailbox.user }]);
    expect(received?.parsed.text).toContain('votre attestation vous parvient par courrier');
    await page.close();
  });

  async function sendAsCustomer(text: string): Promise<void> {
    const transport = createTransport({
      host: smtp.host,
      port: smtp.port,
      requireTLS: true,
      tls: { ca: smtp.ca },
      auth: { user: lea.user, pass: lea.password },
    });
    try {
      await transport.sendMail({ from: { name: 'Léa Morel', address: lea.user }, to: mailbox.user, subject, text });
    } finally {
      transport.close();
    }
  }
});
