import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { CENTRE, COPY } from '../core/mail/outbox/centre-rig';
import { customer, startJourneyWorld, type JourneyWorld } from '../integration/mail-journeys/journey-world';
import { launchChromium } from '../rig';
import { type AppUnderTest, rendererDir, screenshotsDir } from '../support/app-under-test';
import { openDesk, signedInPage } from './case-helpers';

/**
 * Seed "Traiter un e-mail", the whole way: a customer writes from their mailbox, the agent answers
 * with a CC from the address book, a file and a picture in the text, previews it, sends with
 * "Répondre et clore", and the customer's mailbox receives exactly that. One Dovecot and one SMTP
 * server for the file; the mail runtime runs as the host runs it.
 */

const nina = customer('nina', 'Nina Lambert');
const subject = 'Facture de mars introuvable';
const question = 'Bonjour, je ne trouve pas ma facture de mars dans mon espace client. Nina Lambert';
const typed = 'Bonjour Madame, voici votre facture de mars, et notre nouveau logo.';
const statement = Buffer.from('Facture de mars : 42,00 €\n');
const shot = (name: string) => path.join(screenshotsDir, name);

/** A solid-colour PNG (RGB, no filter): a picture a screenshot shows, built without an image library. */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3] as number)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from('89504e470d0a1a0a', 'hex');
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
const logo = solidPng(96, 32, [31, 111, 235]);

let world: JourneyWorld;
let host: BrowserHost;
let app: AppUnderTest;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  world = await startJourneyWorld([nina]);
  host = await startBrowserHost({ core: world.core, rendererDir });
  app = { core: world.core, host, dataDir: world.core.dataDir, stop: async () => undefined };
  // The expert the agent copies: an address of the book (not a contact), with a mailbox on the rig.
  await world.agent.addressBook.create({
    civility: 'madame',
    lastName: 'Expert',
    firstName: 'Claire',
    email: COPY.user,
    organisation: 'Cabinet d’expertise comptable',
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await world?.stop();
});

describe('a reply from the composer to the customer’s mailbox', () => {
  it('sends the CC, the file and the inline picture the preview showed, and files the case in Traités', async () => {
    const questionId = await world.send(nina, { subject, text: question });
    const caseId = await world.caseOf(questionId);
    await world.sentFor(caseId, 1); // the queue's acknowledgement

    const page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await openDesk(page, 'nav-queue', 'Service clients');
    await page.getByTestId('case-row').filter({ hasText: subject }).getByTestId('case-take').click();
    await page.getByTestId('composer').waitFor();
    const to = page.getByTestId('composer-to');
    expect(await to.inputValue()).toBe(nina.user);
    expect(await to.getAttribute('readonly')).not.toBeNull();

    await page.getByTestId('composer-editor').click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    // The toolbar's image button opens the file chooser; the picture is stored, then shown.
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-testid="composer"] button.ql-image').click();
    await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    const inEditor = page.getByTestId('composer-editor').locator('img');
    await expect.poll(() => inEditor.getAttribute('src')).toBe(`data:image/png;base64,${logo.toString('base64')}`);

    await page.getByTestId('composer-cc-search').click();
    await page.getByTestId('contact-search-query').fill('expert');
    await page.getByTestId('contact-search-submit').click();
    await page.getByTestId('contact-search-result').filter({ hasText: COPY.user }).click();
    await expect.poll(() => page.getByTestId('composer-cc').getByTestId('recipient-chip').textContent()).toContain(`Claire Expert <${COPY.user}>`);

    await page.getByTestId('composer-file-input').setInputFiles({ name: 'facture-mars.txt', mimeType: 'text/plain', buffer: statement });
    await expect.poll(() => page.getByTestId('composer-attachment').textContent()).toContain('facture-mars.txt');
    await page.getByTestId('composer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('composer.png') });

    await page.getByTestId('composer-preview').click();
    const preview = page.getByTestId('reply-preview');
    await expect.poll(() => preview.getByTestId('preview-from').textContent()).toBe(`Centre de relation clients <${CENTRE.user}>`);
    expect(await preview.getByTestId('preview-to').textContent()).toBe(nina.user);
    expect(await preview.getByTestId('preview-cc').textContent()).toBe(`Claire Expert <${COPY.user}>`);
    const number = (app.core.db.sqlite.prepare('SELECT number FROM cases WHERE id = ?').get(caseId) as { number: string }).number;
    expect(await preview.getByTestId('preview-subject').textContent()).toBe(`RE: ${subject} [#${number}]`);
    expect(await preview.getByTestId('preview-attachments').textContent()).toContain('facture-mars.txt');
    const frame = preview.frameLocator('[data-testid="mail-frame"]');
    const body = frame.locator('body');
    await expect.poll(() => body.textContent()).toContain(typed);
    // The agent's signature, then the customer's message quoted.
    expect(await body.textContent()).toContain('Camille MartinService clients');
    expect(await frame.locator('blockquote').textContent()).toContain('je ne trouve pas ma facture de mars');
    // The picture is shown from the composer's copy (`data:`), inside the sandboxed frame.
    const shown = await (await preview.getByTestId('mail-frame').elementHandle())?.contentFrame();
    await expect.poll(() => shown?.evaluate('document.images[0].complete && document.images[0].naturalWidth')).toBe(96);
    await page.screenshot({ path: shot('preview.png') });
    await preview.getByTestId('preview-close').click();

    await page.getByTestId('action-reply_and_close').click();
    await expect.poll(() => page.getByTestId('case-notice').textContent()).toContain('le dossier est clos');
    await page.getByTestId('tab-desk').click();
    await openDesk(page, 'nav-processed');
    await expect.poll(() => page.getByTestId('case-row').filter({ hasText: subject }).count()).toBe(1);

    const [, reply] = await world.sentFor(caseId, 2);
    const [received, ...twice] = await world.read(nina, reply?.messageId as string);
    expect(twice).toEqual([]);
    const mail = received!.parsed;
    expect(mail.subject).toBe(`RE: ${subject} [#${number}]`);
    expect(mail.cc && !Array.isArray(mail.cc) ? mail.cc.value : []).toEqual([{ name: 'Claire Expert', address: COPY.user }]);
    const image = mail.attachments.find((part) => part.contentType === 'image/png');
    expect(image?.related).toBe(true);
    expect(image?.content.equals(logo)).toBe(true);
    expect(mail.html).toContain(`cid:${image?.contentId?.replace(/^<|>$/g, '')}`);
    expect(mail.html).not.toContain('data:image');
    const file = mail.attachments.find((part) => part.filename === 'facture-mars.txt');
    expect(file?.contentDisposition).toBe('attachment');
    expect(file?.content.equals(statement)).toBe(true);
    // The expert in CC has the same message.
    expect(await world.read(COPY, reply?.messageId as string)).toHaveLength(1);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
