import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailRuntime, type MailRuntime } from '../../electron/core/mail/mail-runtime';
import { memorySecretStore } from '../../electron/core/ports';
import { CENTRE, CLIENT, centreSettings, startCentreRig, type CentreRig } from '../core/mail/outbox/centre-rig';
import { corpusDir, indexFile, type CorpusFile } from '../fixtures/mail/make-corpus';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';
import { openDesk, signedInPage } from './case-helpers';
import { coreClient } from './desk-helpers';

let app: AppUnderTest;
let rig: CentreRig;
let runtime: MailRuntime;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const corpus: CorpusFile[] = JSON.parse(readFileSync(path.join(corpusDir, indexFile), 'utf8'));
const entry = (slug: string) => {
  const found = corpus.find((candidate) => candidate.file.endsWith(`-${slug}.eml`));
  if (!found) throw new Error(`no corpus message ${slug}`);
  return found;
};
/** A corpus message's bytes, by the slug of its file (test/fixtures/mail/corpus). */
const corpusMail = (slug: string) => readFileSync(path.join(corpusDir, entry(slug).file));
/** Its subject as the corpus wrote it, with its token. */
const subjectOf = (slug: string, words: string) => `${words} ${entry(slug).token}`;

async function deliver(raw: Buffer): Promise<void> {
  const transport = createTransport({ host: rig.smtp.host, port: rig.smtp.port, requireTLS: true, tls: { ca: rig.smtp.ca }, auth: { user: CLIENT.user, pass: CLIENT.password } });
  try {
    await transport.sendMail({ envelope: { from: 'corpus@example.org', to: [CENTRE.user] }, raw });
  } finally {
    transport.close();
  }
}

/** As a mailbox migration puts exported mail back: the mbox envelope line stays on top. */
async function append(raw: Buffer): Promise<void> {
  const { host, imapsPort, ca } = rig.dovecot;
  const client = new ImapFlow({ host, port: imapsPort, secure: true, tls: { ca }, auth: { user: CENTRE.user, pass: CENTRE.password }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  await client.append('INBOX', raw);
  await client.logout();
}

beforeAll(async () => {
  [app, rig, browser] = await Promise.all([startApp({ secrets: memorySecretStore() }), startCentreRig(), launchChromium()]);
  const admin = await coreClient(app.core, 'Admin Unified');
  const queue = (await admin.admin.queues()).find((q) => q.name === 'Service clients')!;
  await admin.mailboxes.create({ ...centreSettings(rig, queue.id), password: CENTRE.password });
  await admin.admin.updateQueue({ ...queue, acknowledgementText: null });
  runtime = await startMailRuntime(app.core, { tls: { ca: rig.dovecot.ca }, log: () => undefined });
  for (const slug of ['latin1-undeclared', 'form-no-reply', 'lookalike-domain-utf8', 'shared-id-first', 'shared-id-again-1']) await deliver(corpusMail(slug));
  await append(corpusMail('mbox-envelope-latin1'));
  page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await browser?.close();
  await app?.stop();
  await rig?.stop();
});

/** Camille takes the case from her queue and sees its first message. */
async function openFromQueue(subject: string) {
  await page.getByTestId('tab-desk').click().catch(() => undefined);
  await expect
    .poll(
      async () => {
        await openDesk(page, 'nav-queue', 'Service clients');
        return page.getByTestId('case-row').filter({ hasText: subject }).count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await page.getByTestId('case-row').filter({ hasText: subject }).getByTestId('case-take').click();
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toBe(subject);
  // The mail that opened the case comes first in its thread.
  return page.getByTestId('message').first();
}

describe('the message header shows what a real-world mail is and claims', () => {
  it('shows undeclared Latin-1 mail as it was written, mbox-exported or not', async () => {
    for (const subject of [subjectOf('latin1-undeclared', 'Réclamation colis abîmé'), subjectOf('mbox-envelope-latin1', 'Réclamation colis abîmé')]) {
      const message = await openFromQueue(subject);
      expect(await message.getByTestId('message-from').textContent()).toContain('Hélène Dupré');
      expect(await message.textContent()).toContain('Le colis est arrivé abîmé, je suis très déçue.');
      expect(await message.textContent()).not.toContain('\uFFFD');
    }
  });

  it('shows the Reply-To of a web form, whose customer is the case’s contact', async () => {
    const message = await openFromQueue(subjectOf('form-no-reply', 'Demande de rappel'));
    expect(await message.getByTestId('message-reply-to').textContent()).toBe('Léa Martin <lea.martin@example.org>');
    expect(await page.getByTestId('contact-email').textContent()).toBe('lea.martin@example.org');
  });

  it('shows a look-alike domain in punycode with « Adresse trompeuse »', async () => {
    const message = await openFromQueue(subjectOf('lookalike-domain-utf8', 'Votre compte'));
    expect(await message.getByTestId('message-from').textContent()).toContain('<support@xn--pple-43d.com>');
    expect(await message.getByTestId('message-sender-warning').textContent()).toContain('Adresse trompeuse : caractères de plusieurs alphabets');
  });

  it('files a mail reusing another’s Message-ID on its own, and says where the id was seen', async () => {
    const first = await openFromQueue(subjectOf('shared-id-first', 'Colis perdu'));
    expect(await first.getByTestId('message-id-seen-on').count()).toBe(0);
    const firstNumber = (await page.getByTestId('case-number').textContent())?.replace(/\D/g, '');
    const reused = await openFromQueue(subjectOf('shared-id-again-1', 'Remboursement'));
    const seen = reused.getByTestId('message-id-seen-on');
    expect(await seen.textContent()).toContain(`Message-ID déjà vu sur le dossier ${firstNumber}`);
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'case-message-id-seen.png') });
    expect(pageErrors).toEqual([]);
  });

  it('follows the administrator’s Reply-To rule, chosen in Paramètres', async () => {
    const admin = await signedInAdmin();
    await admin.getByTestId('admin-menu-settings').click();
    const form = admin.getByTestId('settings-form');
    expect(await form.getByTestId('field-replyToPolicy').inputValue()).toBe('noreply_only');
    await form.getByTestId('field-replyToPolicy').selectOption({ label: 'Toujours le Reply-To' });
    await form.getByTestId('admin-save').click();
    await expect.poll(() => admin.getByTestId('admin-notice').textContent()).toContain('enregistrées');
    await admin.close();

    await deliver(corpusMail('person-with-other-reply-to'));
    await openFromQueue(subjectOf('person-with-other-reply-to', 'Réponse ailleurs'));
    // Marc wrote from his own address and asked for answers at another: the rule takes Reply-To now.
    expect(await page.getByTestId('contact-email').textContent()).toBe('marc.perso@example.net');
    expect(pageErrors).toEqual([]);
  });
});

/** The administrator's own window (the administration is the home of that role). */
async function signedInAdmin(): Promise<Page> {
  const admin = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'fr-FR' });
  admin.on('pageerror', (error) => pageErrors.push(error.message));
  await admin.goto(app.host.url);
  await admin.getByTestId('signin-agent').selectOption({ label: 'Admin Unified' });
  await admin.getByTestId('signin-password').fill('demo');
  await admin.getByTestId('signin-submit').click();
  await admin.getByTestId('admin').waitFor();
  return admin;
}
