import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { signedInPage } from './case-helpers';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const field = (name: string) => page.getByTestId(`field-${name}`);
const sql = <T>(query: string, ...params: unknown[]) => app.core.db.sqlite.prepare(query).get(...params) as T;
const shot = (name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });

async function findDupont(): Promise<void> {
  await page.getByTestId('nav-contacts').click();
  await page.getByTestId('contact-search').fill('CT-2023-00481');
  await page.getByTestId('contact-search-submit').click();
  await expect.poll(() => page.getByTestId('contact-row').count()).toBe(1);
  await page.getByTestId('contact-open').click();
  await expect.poll(() => page.getByTestId('contact-card-name').textContent()).toContain('Jean Dupont');
}

describe('contacts: search, card, history and « CRÉER DOSSIER »', () => {
  const dupont = () => sql<{ id: number }>("SELECT id FROM contacts WHERE contract_number = 'CT-2023-00481'").id;

  it('finds a demo contact by contract number and shows the card and the history, newest first', async () => {
    await findDupont();
    expect(await page.getByTestId('card-contractNumber').textContent()).toBe('CT-2023-00481');
    expect(await page.getByTestId('card-birthDate').textContent()).toBe('12/04/1978');
    const numbers = await page.getByTestId('history-number').allTextContents();
    const stored = (app.core.db.sqlite.prepare('SELECT number FROM cases WHERE contact_id = ? ORDER BY received_at DESC').all(dupont()) as {
      number: string;
    }[]).map((row) => row.number);
    expect(numbers).toEqual(stored);
    await shot('contacts');
  });

  it('edits the card with the same rules, errors on their fields', async () => {
    await page.getByTestId('contact-edit').click();
    await field('mobile').fill('06 12 34 56 78');
    await field('birthDate').fill('31/02/1978');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('error-mobile').textContent()).toContain('sans espace');
    expect(await page.getByTestId('error-birthDate').textContent()).toBe("Cette date n'existe pas.");
    expect(await page.evaluate("document.activeElement?.getAttribute('data-field')")).toBe('birthDate');
    await field('mobile').fill('0612345699');
    await field('birthDate').fill('12/04/1978');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-saved').waitFor();
    expect(sql<{ mobile: string }>('SELECT mobile FROM contacts WHERE id = ?', dupont()).mobile).toBe('0612345699');
    await shot('contact-card');
  });

  it('« CRÉER DOSSIER » opens the creation pre-filled and files the case for that contact', async () => {
    const contactsBefore = sql<{ n: number }>('SELECT count(*) AS n FROM contacts').n;
    await page.getByTestId('contact-create-case').click();
    await expect.poll(() => page.getByTestId('creation-for').textContent()).toContain('Jean Dupont');
    expect(await field('contact.lastName').inputValue()).toBe('Dupont');
    expect(await field('contact.contractNumber').inputValue()).toBe('CT-2023-00481');
    expect(await field('contact.mobile').inputValue()).toBe('0612345699');
    expect(await field('contact.birthDate').inputValue()).toBe('12/04/1978');
    await field('formId').selectOption({ label: 'E-mail' });
    await field('queueId').selectOption({ label: 'Service clients' });
    await field('subject').fill('Courrier reçu : demande de résiliation');
    await field('question').fill('Le client demande la résiliation de son contrat.');
    await field('action').selectOption({ label: 'A traiter' });
    await page.getByTestId('creation-submit').click();

    await expect.poll(() => page.getByTestId('creation-success').textContent()).toMatch(/Le dossier \d{6} a été créé/);
    const number = /(\d{6})/.exec((await page.getByTestId('creation-success').textContent()) ?? '')?.[1];
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM contacts').n).toBe(contactsBefore);
    expect(sql<{ contact_id: number }>('SELECT contact_id FROM cases WHERE number = ?', number).contact_id).toBe(dupont());

    // The new case heads the contact's history.
    await findDupont();
    await expect.poll(() => page.getByTestId('history-number').first().textContent()).toBe(number);
    expect(pageErrors).toEqual([]);
  });
});
