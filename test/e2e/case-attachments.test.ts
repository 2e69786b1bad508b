import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobStore } from '../../electron/core/storage/blob-store';
import { launchChromium } from '../rig';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';
import { caseIdBySubject, openDesk, signedInPage } from './case-helpers';

/** Issue 5, "Case view": files of incoming mail saved, or opened after a warning; the message's source. */

const subject = 'Demande de duplicata de facture';
const raw = 'From: Marie Lefebvre <marie.lefebvre@example.org>\r\nSubject: Justificatifs\r\n\r\nVoici les pièces.\r\n';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** An incoming message with its raw source and two files, stored as the mail sync stores them. */
async function addMessageWithFiles(): Promise<void> {
  const blobs = createBlobStore(app.core.dataDir);
  const caseId = caseIdBySubject(app, subject);
  const db = app.core.db.sqlite;
  const now = new Date().toISOString();
  const source = await blobs.put(Buffer.from(raw));
  const { id } = db
    .prepare(
      `INSERT INTO messages (case_id, direction, "from", "to", subject, text, date, attach_reason, raw_path, created_at)
       VALUES (?, 'in', ?, '[]', 'Justificatifs', 'Voici les pièces.', ?, 'in_reply_to', ?, ?) RETURNING id`,
    )
    .get(caseId, JSON.stringify({ name: 'Marie Lefebvre', address: 'marie.lefebvre@example.org' }), now, source.storagePath, now) as { id: number };
  for (const [name, type, content] of [
    ['Facture janvier.pdf', 'application/pdf', '%PDF-1.7 facture'],
    ['duplicata.exe', 'application/octet-stream', 'MZ programme'],
  ] as const) {
    const file = await blobs.put(Buffer.from(content));
    db.prepare(
      `INSERT INTO attachments (case_id, message_id, kind, sha256, size, media_type, display_name, storage_path, created_at)
       VALUES (?, ?, 'mail', ?, ?, ?, ?, ?, ?)`,
    ).run(caseId, id, file.sha256, file.size, type, name, file.storagePath, now);
  }
}

beforeAll(async () => {
  app = await startApp();
  await addMessageWithFiles();
  browser = await launchChromium();
  page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
  await openDesk(page, 'nav-in-progress');
  await page.getByTestId('case-row').filter({ hasText: subject }).click();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const message = () => page.getByTestId('message').filter({ hasText: 'duplicata.exe' });
const file = (name: string) => message().getByTestId('message-attachment').filter({ hasText: name });

async function downloaded(click: () => Promise<void>): Promise<{ name: string; content: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const filePath = await download.path();
  return { name: download.suggestedFilename(), content: await readFile(filePath, 'utf8') };
}

describe('the files of an incoming message', () => {
  it('are listed with their size and saved under their name', async () => {
    await expect.poll(() => file('Facture janvier.pdf').textContent()).toContain('(16 o)');
    expect(await message().getByTestId('message-reason').textContent()).toBe('Rattaché car : réponse à notre message (en-tête In-Reply-To).');
    const saved = await downloaded(() => file('Facture janvier.pdf').getByTestId('attachment-save').click());
    expect(saved).toEqual({ name: 'Facture janvier.pdf', content: '%PDF-1.7 facture' });
  });

  it('warns before opening a dangerous type; in a browser tab the file is saved instead of opened', async () => {
    expect(await file('duplicata.exe').getByTestId('attachment-dangerous').count()).toBe(1);
    expect(await file('Facture janvier.pdf').getByTestId('attachment-dangerous').count()).toBe(0);

    await file('duplicata.exe').getByTestId('attachment-open').click();
    const warning = page.getByTestId('attachment-warning');
    await expect.poll(() => warning.textContent()).toContain('« duplicata.exe » est d’un type qui peut contenir un programme');
    await page.screenshot({ path: path.join(screenshotsDir, 'case-attachment-warning.png') });
    await warning.getByTestId('attachment-warning-cancel').click();
    await expect.poll(() => page.getByTestId('attachment-warning').count()).toBe(0);

    await file('duplicata.exe').getByTestId('attachment-open').click();
    const saved = await downloaded(() => page.getByTestId('attachment-warning-confirm').click());
    expect(saved).toEqual({ name: 'duplicata.exe', content: 'MZ programme' });
    await expect.poll(() => message().getByTestId('attachment-notice').textContent()).toContain('n’est possible que dans l’application de bureau');
  });

  it('shows the message as text or as its raw source', async () => {
    await message().getByTestId('message-view-source').click();
    await expect.poll(() => message().getByTestId('message-source').textContent()).toBe(raw);
    await message().getByTestId('message-view-text').click();
    expect(await message().getByTestId('message-text').textContent()).toBe('Voici les pièces.');
    expect(pageErrors).toEqual([]);
  });
});
