import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { demoAdministrator, signedInPage } from './case-helpers';
import { startApp, type AppUnderTest } from '../support/app-under-test';

let app: AppUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  // An administrator's custom e-mail form, made as the Formulaires screen makes it: the required
  // standard fields, one required text field and a list.
  const admin = await demoAdministrator(app);
  const email = (await admin.admin.forms()).find((form) => form.media === 'email' && form.standard)!;
  const standard = email.fields.filter((f) => f.required).map(({ id: _id, ...rest }) => rest);
  await admin.admin.createForm({
    name: 'Sinistre',
    media: 'email',
    fields: [
      ...standard,
      { key: 'policyNumber', label: 'Numéro de police', type: 'text', required: true },
      { key: 'damage', label: 'Type de dommage', type: 'select', options: ['Dégât des eaux', 'Incendie'] },
    ],
  });
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
