import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { hundredVcards } from '../core/services/address-book/address-book-files';
import { signedInPage } from './case-helpers';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
/** The demo's book: its other addresses and its contacts that have one. */
let demoBook: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  demoBook = bookSize();
  browser = await launchChromium();
  page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const field = (name: string) => page.getByTestId(`field-${name}`);
const bookSize = () => (app.core.db.sqlite.prepare('SELECT count(*) AS n FROM address_book_entries').get() as { n: number }).n;
const shot = (name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });

/** Three good rows and three bad ones (lines 3, 5, 6), as French Excel saves a sheet. */
const partnersCsv = [
  '\uFEFFCivilité;Nom;Prénom;E-mail;Société',
  'Madame;Aubert;Lina;lina.aubert@partenaire.example.fr;"Aubert; Associés"',
  ';;Sans;sans.nom@example.fr;',
  'M.;Blanchard;Marc;marc.blanchard@example.fr;Bureau Nord',
  'Mme;Colin;Eva;eva.colin(at)example.fr;',
  `Monsieur;Lenoir;${'A'.repeat(51)};a.lenoir@example.fr;`,
  'Mlle;Dias;Inès;ines.dias@example.fr;',
].join('\r\n');

async function importFile(name: string, mimeType: string, content: string): Promise<void> {
  await page.getByTestId('address-import-file').setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
  await expect.poll(() => page.getByTestId('address-import-report').textContent()).toContain(name);
}

async function search(query: string): Promise<string[]> {
  await page.getByTestId('address-search').fill(query);
  await expect.poll(() => page.getByTestId('address-results-region').getAttribute('data-searched')).toBe(query);
  return page.getByTestId('address-email').allTextContents();
}

describe("address book: import, search, edit, export (« Carnet d'adresses »)", () => {
  it('imports 100 vCards and a CSV with 3 bad rows: the good ones land, the bad ones are reported', async () => {
    await page.getByTestId('nav-address-book').click();
    await expect.poll(() => page.getByTestId('address-row').count()).toBe(demoBook); // the demo's addresses and contacts

    await importFile('experts.vcf', 'text/vcard', hundredVcards());
    expect(await page.getByTestId('import-added').textContent()).toBe('100 adresses ajoutées');
    expect(await page.getByTestId('import-refused').textContent()).toBe('aucune ligne refusée');

    await importFile('partenaires.csv', 'text/csv', partnersCsv);
    expect(await page.getByTestId('import-added').textContent()).toBe('3 adresses ajoutées');
    expect(await page.getByTestId('import-refused').textContent()).toBe('3 lignes refusées');
    expect(await page.getByTestId('import-refusal').allInnerTexts()).toEqual([
      '3\tNom : Le nom est obligatoire.\t',
      '5\tE-mail : Adresse e-mail invalide.\teva.colin(at)example.fr',
      `6\tPrénom : 50 caractères au maximum.\t${'A'.repeat(51)}`,
    ]);
    expect(bookSize()).toBe(demoBook + 100 + 3);
    await shot('address-book');
  });

  it('says under the file input why a whole file is refused, and imports nothing', async () => {
    await page.getByTestId('address-import-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('x') });
    await expect.poll(() => page.getByTestId('address-import-error').textContent()).toBe(
      'Format non reconnu : choisissez un fichier .csv ou .vcf.',
    );
    const noAddress = Buffer.from('Nom;Téléphone\nDupont;0102030405\n', 'utf8');
    await page.getByTestId('address-import-file').setInputFiles({ name: 'telephones.csv', mimeType: 'text/csv', buffer: noAddress });
    await expect.poll(() => page.getByTestId('address-import-error').textContent()).toContain('Colonne « E-mail » introuvable');
    expect(bookSize()).toBe(demoBook + 100 + 3);
  });

  it('finds the imported entries by name, address or organisation, accents ignored', async () => {
    expect(await search('expert042')).toEqual(['expert042@cabinet.example.fr']);
    expect(await search('ines')).toEqual(['ines.dias@example.fr']);
    expect(await search('aubert assoc')).toEqual(['lina.aubert@partenaire.example.fr']);
    expect(await search('cabinet 10')).toEqual(['expert010@cabinet.example.fr', 'expert100@cabinet.example.fr']);
  });

  it('creates, edits and deletes an entry through the form; an invalid address is refused on its field', async () => {
    await page.getByTestId('address-add').click();
    expect(await page.evaluate("document.activeElement?.getAttribute('data-field')")).toBe('lastName');
    await field('civility').selectOption('madame');
    await field('lastName').fill('Vasseur');
    await field('firstName').fill('Chloé');
    await field('email').fill('chloe.vasseur@');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('error-email').textContent()).toBe('Adresse e-mail invalide.');
    expect(await page.evaluate("document.activeElement?.getAttribute('data-field')")).toBe('email');

    await field('email').fill('LINA.AUBERT@partenaire.example.fr'); // another entry's address, in capitals
    await page.getByTestId('address-entry-save').click();
    await expect.poll(() => page.getByTestId('error-email').textContent()).toContain('est déjà dans le carnet (Aubert Lina)');

    await field('email').fill('chloe.vasseur@expertise.example.fr');
    await page.getByTestId('address-entry-save').click();
    await page.getByTestId('address-entry-form').waitFor({ state: 'detached' });
    expect(await search('vasseur')).toEqual(['chloe.vasseur@expertise.example.fr']);

    await page.getByTestId('address-edit').click();
    await field('organisation').fill('Vasseur Expertise');
    await page.getByTestId('address-entry-save').click();
    await expect.poll(() => page.getByTestId('address-row').textContent()).toContain('Vasseur Expertise');
    expect(app.core.db.sqlite.prepare("SELECT civility, organisation FROM address_book_entries WHERE last_name = 'Vasseur'").get()).toEqual({
      civility: 'madame',
      organisation: 'Vasseur Expertise',
    });

    await page.getByTestId('address-delete').click();
    await page.getByTestId('address-delete-confirm').click();
    await expect.poll(() => page.getByTestId('address-row').count()).toBe(0);
    expect(bookSize()).toBe(demoBook + 100 + 3);
  });

  it('exports the book as a CSV file with every entry', async () => {
    await search('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('address-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^carnet-d-adresses-\d{4}-\d{2}-\d{2}\.csv$/);
    const content = await readFile(await download.path(), 'utf8');
    const lines = content.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFCivilité;Nom;Prénom;E-mail;Société');
    expect(lines).toHaveLength(1 + demoBook + 100 + 3);
    expect(lines).toContain('Madame;Aubert;Lina;lina.aubert@partenaire.example.fr;"Aubert; Associés"');
    expect(lines).toContain('Madame;Expert042;Anaïs;expert042@cabinet.example.fr;Cabinet 42');
    expect(pageErrors).toEqual([]);
  });
});
