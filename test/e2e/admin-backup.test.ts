import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
let folder: string;
const pageErrors: string[] = [];
const shot = (name: string) => path.join(repoRoot, 'docs', 'screenshots', name);

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'ud-e2e-sauvegardes-'));
  app = await startApp();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 1800 }, locale: 'fr-FR', acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.host.url);
  await page.getByTestId('signin-demo-account').filter({ hasText: 'Admin Unified' }).click();
  await page.getByTestId('signin-password').fill('demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('admin').waitFor();
  await page.getByTestId('admin-menu-backup').click();
  await page.getByTestId('backup-section').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('« Sauvegarde et journal »', () => {
  it('refuses a folder that is not a full path, on its field, in French', async () => {
    const settings = page.getByTestId('backup-settings');
    await settings.getByTestId('field-backupFolder').fill('sauvegardes');
    await settings.getByTestId('admin-save').click();
    await expect.poll(() => settings.getByTestId('error-backupFolder').textContent()).toContain('Indiquez le chemin complet d’un dossier');
    expect(await page.getByTestId('backup-run').isDisabled()).toBe(true);
  });

  it('lets the administrator choose the folder, back up now, and see the backup listed and verified', async () => {
    const settings = page.getByTestId('backup-settings');
    await settings.getByTestId('field-backupFolder').fill(folder);
    await settings.getByTestId('field-backupKeep').fill('5');
    await settings.getByTestId('admin-save').click();
    await expect.poll(() => settings.getByTestId('admin-notice').textContent()).toContain('enregistrées');
    await expect.poll(() => page.getByTestId('backup-list').textContent()).toContain('Aucune sauvegarde dans ce dossier pour l’instant.');

    await page.getByTestId('backup-run').click();
    await expect.poll(() => page.getByTestId('backup-last').textContent(), { timeout: 20_000 }).toMatch(/^Sauvegarde « sauvegarde-.+Z » terminée \(.+ Mo\)\.$/);
    const rows = page.getByTestId('backup-row');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().textContent();
    expect(row).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(row).toContain('20 dossiers');
    expect(row).toContain('Mo');
    expect(await rows.first().getByTestId('backup-state').textContent()).toContain('Vérifiée');
    // What the screen lists is what lies in the folder, manifest included.
    const [name] = readdirSync(folder);
    expect(await rows.first().getAttribute('data-name')).toBe(name);
    expect(readdirSync(path.join(folder, name!))).toEqual(expect.arrayContaining(['manifest.json', 'unified.sqlite']));

    await rows.first().getByTestId('backup-verify').click();
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toBe(`La sauvegarde « ${name} » est intacte.`);
  });

  it('opens the journal: its last lines on screen, the whole file as a download', async () => {
    await page.getByTestId('log-open').click();
    const lines = page.getByTestId('log-lines');
    await expect.poll(() => lines.textContent()).toMatch(/Z INFO {2}\[backup\] backup written · name=sauvegarde-/);
    await page.screenshot({ path: shot('admin-backup.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('log-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^journal-unified-desktop-\d{4}-\d\d-\d\d\.log$/);
    const content = await readFile(await download.path(), 'utf8');
    expect(content).toContain('[backup] backup written');
  });

  it('exports every datum into a new folder and says where', async () => {
    const form = page.getByTestId('backup-export');
    await form.getByTestId('field-folder').fill(path.join(folder, 'exports'));
    await page.getByTestId('backup-export-run').click();
    await expect.poll(() => form.getByTestId('backup-export-done').textContent(), { timeout: 20_000 }).toContain(`Export terminé dans « ${path.join(folder, 'exports', 'export-')}`);
    const [exported] = readdirSync(path.join(folder, 'exports'));
    expect(readdirSync(path.join(folder, 'exports', exported!))).toEqual(expect.arrayContaining(['cases.jsonl', 'messages.jsonl', 'contacts.jsonl']));
    expect(pageErrors).toEqual([]);
  });
});
