import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { startApp, type AppUnderTest } from '../support/app-under-test';
import { signedInPage } from './case-helpers';

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

describe('« Insérer une réponse type » in « Créer un dossier »', () => {
  it('fills the template for the contact being typed, and the response is kept with the case', async () => {
    await page.getByTestId('open-create-case').click();
    await page.getByTestId('creation-reset').click();
    await field('formId').selectOption({ label: 'E-mail' });
    await field('queueId').selectOption({ label: 'Service clients' });
    await field('contact.civility').selectOption({ label: 'Madame' });
    await field('contact.lastName').fill('Lambert');
    await field('contact.firstName').fill('Chloé');
    await field('contact.email').fill('chloe.lambert@example.fr');
    await field('subject').fill('Suivi de ma demande');
    await field('question').fill('Où en est ma demande ?');

    await page.getByTestId('creation-templates').getByText('Insérer une réponse type').click();
    await page.getByTestId('creation-templates').getByTestId('template-item').filter({ hasText: 'Prise en charge de la demande' }).click();
    const response = field('response.html');
    await expect.poll(() => response.textContent()).toContain('Bonjour Madame Lambert,');
    // The agent's name is known; the case number is not before the case exists: it stays as typed.
    expect(await response.textContent()).toContain('Camille Martin');
    expect(await response.textContent()).toContain('{{case.number}}');

    await field('action').selectOption({ label: 'A traiter' });
    await page.getByTestId('creation-submit').click();
    await expect.poll(() => page.getByTestId('creation-success').textContent()).toMatch(/Le dossier \d{6} a été créé/);
    const kept = app.core.db.sqlite
      .prepare('SELECT d.html FROM drafts d JOIN cases c ON c.id = d.case_id WHERE c.subject = ?')
      .get('Suivi de ma demande') as { html: string };
    expect(kept.html).toContain('Bonjour Madame Lambert,');
    expect(pageErrors).toEqual([]);
  });
});
