import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { signedInPage } from './case-helpers';
import { startApp, type AppUnderTest } from '../support/app-under-test';

let app: AppUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  // An administrator's custom e-mail form: one required text field and a list.
  const db = app.core.db.sqlite;
  const formId = Number(db.prepare("INSERT INTO forms (name, media, standard, active) VALUES ('Sinistre', 'email', 0, 1)").run().lastInsertRowid);
  const field = db.prepare('INSERT INTO form_fields (form_id, key, label, type, required, position, options) VALUES (?, ?, ?, ?, ?, ?, ?)');
  field.run(formId, 'policyNumber', 'Numéro de police', 'text', 1, 1, null);
  field.run(formId, 'damage', 'Type de dommage', 'select', 0, 2, JSON.stringify(['Dégât des eaux', 'Incendie']));
  browser = await launchChromium();
  page = await signedInPage(browser, app, 'Camille Martin');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const field = (name: string) => page.getByTestId(`field-${name}`);

describe('« Créer un dossier » with a custom form', () => {
  it('shows the form’s own fields, requires what the administrator required and stores the values', async () => {
    await page.getByTestId('open-create-case').click();
    await field('formId').selectOption({ label: 'Sinistre' });
    await field('queueId').selectOption({ label: 'Service clients' });
    await field('contact.lastName').fill('Vidal');
    await field('contact.firstName').fill('Anne');
    await field('contact.email').fill('anne.vidal@example.fr');
    await field('subject').fill('Déclaration de sinistre');
    await field('question').fill('Mon appartement a été inondé.');
    await field('action').selectOption({ label: 'A traiter' });
    await page.getByTestId('creation-submit').click();
    await expect.poll(() => page.getByTestId('error-fields.policyNumber').textContent()).toBe('Ce champ est obligatoire.');

    await field('fields.policyNumber').fill('POL-12345');
    await field('fields.damage').selectOption({ label: 'Dégât des eaux' });
    await page.getByTestId('creation-submit').click();
    await expect.poll(() => page.getByTestId('creation-success').textContent()).toMatch(/Le dossier \d{6} a été créé/);
    const number = /(\d{6})/.exec((await page.getByTestId('creation-success').textContent()) ?? '')?.[1];
    const values = app.core.db.sqlite
      .prepare('SELECT key, value FROM case_fields JOIN cases ON cases.id = case_fields.case_id WHERE cases.number = ? ORDER BY key')
      .all(number);
    expect(values).toEqual([
      { key: 'damage', value: 'Dégât des eaux' },
      { key: 'policyNumber', value: 'POL-12345' },
    ]);
  });
});
