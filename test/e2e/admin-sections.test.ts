import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';
import { signedInPage } from './case-helpers';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];
const shot = (name: string) => path.join(repoRoot, 'docs', 'screenshots', name);
const sql = <T>(query: string, ...params: unknown[]) => app.core.db.sqlite.prepare(query).all(...params) as T[];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.goto(app.host.url);
  await page.getByTestId('signin-demo-account').filter({ hasText: 'Admin Unified' }).click();
  await page.getByTestId('signin-password').fill('demo');
  await page.getByTestId('signin-submit').click();
  // No desk for an administrator: the administration is their home.
  await page.getByTestId('admin').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function addRule(name: string, subjectWord: string): Promise<void> {
  await page.getByTestId('admin-new').click();
  const form = page.getByTestId('rule-form');
  await form.getByTestId('field-name').fill(name);
  await form.getByTestId('field-conditions.conditions.0.value').fill(subjectWord);
  await form.getByTestId('field-queueId').selectOption({ label: 'Réclamations' });
  await form.getByTestId('admin-save').click();
  await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
}

describe('the administration sections', () => {
  it('offers the administrator no case to create and no desk or queue to open', async () => {
    await page.getByTestId('nav-contacts').waitFor();
    expect(await page.getByTestId('open-admin').count()).toBe(1);
    for (const testId of ['open-create-case', 'nav-in-progress', 'nav-processed', 'nav-queue', 'nav-address-book']) {
      expect(await page.getByTestId(testId).count(), testId).toBe(0);
    }
  });

  it('refuses a login already taken on its field, with the core’s message, then creates the agent', async () => {
    await page.getByTestId('admin-menu-agents').click();
    await page.getByTestId('admin-new').click();
    const form = page.getByTestId('agent-form');
    await form.getByTestId('field-displayName').fill('Nina Petit');
    await form.getByTestId('field-login').fill('camille.martin');
    await form.getByTestId('field-password').fill('motdepasse-nina');
    await form.getByTestId('field-grants').getByLabel('Modifier le destinataire d’une réponse').check();
    await form.getByTestId('admin-save').click();
    await expect.poll(() => form.getByTestId('error-login').textContent()).toBe('Cet identifiant est déjà utilisé.');
    expect(await form.getByTestId('field-login').getAttribute('aria-invalid')).toBe('true');

    await form.getByTestId('field-login').fill('nina.petit');
    await form.getByTestId('admin-save').click();
    await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
    expect(sql('SELECT login, role FROM agents WHERE display_name = ?', 'Nina Petit')).toEqual([{ login: 'nina.petit', role: 'agent' }]);
  });

  it('orders the routing rules with the arrows and turns one off', async () => {
    await page.getByTestId('admin-menu-rules').click();
    await addRule('Résiliations', 'résiliation');
    await addRule('Litiges', 'litige');
    const names = () => sql<{ name: string }>('SELECT name FROM routing_rules ORDER BY position').map((rule) => rule.name);
    expect(names()).toEqual(['Résiliations', 'Litiges']);

    await page.getByRole('button', { name: 'Monter : Litiges' }).click();
    await expect.poll(names).toEqual(['Litiges', 'Résiliations']);
    await page.getByRole('checkbox', { name: 'En service : Résiliations' }).uncheck();
    await expect.poll(() => sql('SELECT active FROM routing_rules WHERE name = ?', 'Résiliations')).toEqual([{ active: 0 }]);
    await page.screenshot({ path: shot('admin-routing-rules.png') });

    // Deleting asks first (the page accepts every dialog): the rule is gone, the other stays first.
    await page.getByTestId('admin-item').filter({ hasText: 'Litiges' }).click();
    await page.getByTestId('rule-form').getByTestId('admin-delete').click();
    await expect.poll(names).toEqual(['Résiliations']);
    expect(dialogs.at(-1)).toBe('Supprimer la règle « Litiges » ?');
  });

  it('adds a qualification under another and deactivates it', async () => {
    await page.getByTestId('admin-menu-qualifications').click();
    const contract = page.getByTestId('qualification-row').filter({ hasText: /^Contrat/ });
    await contract.getByRole('button', { name: '+ Ajouter dessous' }).click();
    await page.getByTestId('tree-name').fill('Renouvellement');
    await page.getByTestId('tree-name').press('Enter');
    const added = page.getByTestId('qualification-row').filter({ hasText: 'Renouvellement' });
    await added.getByTestId('qualification-toggle').click();
    await expect.poll(() => added.textContent()).toContain('désactivé');
    const row = sql<{ parent: string; active: number }>(
      'SELECT p.label AS parent, q.active FROM qualifications q JOIN qualifications p ON p.id = q.parent_id WHERE q.label = ?',
      'Renouvellement',
    );
    expect(row).toEqual([{ parent: 'Contrat', active: 0 }]);
  });

  it('creates a custom form whose drop-down list needs its choices', async () => {
    await page.getByTestId('admin-menu-forms').click();
    await page.getByTestId('admin-new').click();
    const form = page.getByTestId('form-editor');
    await form.getByTestId('field-name').fill('Sinistre habitation');
    // A new form starts from its media's standard fields, which it must keep.
    const standard = await form.getByTestId('form-field-row').count();
    expect(standard).toBeGreaterThan(0);
    expect(await form.getByTestId('field-fields.0.key').inputValue()).toMatch(/^contact\./);
    await form.getByTestId('form-add-field').click();
    const custom = (name: string) => form.getByTestId(`field-fields.${standard}.${name}`);
    await custom('key').fill('damage');
    await custom('label').fill('Type de dommage');
    await custom('type').selectOption({ label: 'Liste déroulante' });
    await form.getByTestId('admin-save').click();
    await expect.poll(() => form.getByTestId(`error-fields.${standard}.options`).textContent()).toBe('Une liste déroulante a besoin d’au moins un choix.');

    await custom('options').fill('Dégât des eaux, Incendie');
    await form.getByTestId('admin-save').click();
    await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');
    const stored = sql<{ options: string }>(
      'SELECT ff.options FROM form_fields ff JOIN forms f ON f.id = ff.form_id WHERE f.name = ? AND ff.key = ?',
      'Sinistre habitation',
      'damage',
    );
    expect(stored.map((row) => JSON.parse(row.options))).toEqual([['Dégât des eaux', 'Incendie']]);
  });

  it('refuses an unknown default country on its field, then saves a known one', async () => {
    await page.getByTestId('admin-menu-settings').click();
    const form = page.getByTestId('settings-form');
    await form.getByTestId('field-defaultCountry').fill('ZZ');
    await form.getByTestId('field-acknowledgementDailyLimit').fill('beaucoup');
    await form.getByTestId('admin-save').click();
    await expect.poll(() => form.getByTestId('error-defaultCountry').textContent()).toContain('Code pays inconnu');
    // zod's generic messages in French, as the core words them.
    expect(await form.getByTestId('error-acknowledgementDailyLimit').textContent()).toContain('nombre');
    await form.getByTestId('field-defaultCountry').fill('be');
    await form.getByTestId('field-acknowledgementDailyLimit').fill('5');
    await form.getByTestId('admin-save').click();
    await expect.poll(() => page.getByTestId('admin-notice').textContent()).toContain('enregistrées');

    // What an agent's creation form starts with, from now on.
    const agent = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    expect(await agent.getByTestId('open-admin').count()).toBe(0);
    await agent.getByTestId('open-create-case').click();
    await expect.poll(() => agent.getByTestId('field-contact.country').inputValue()).toBe('BE');
    // And the administration is not theirs, even by its address.
    await agent.evaluate(`window.location.hash = '#/administration/files'`);
    await agent.getByTestId('desk-title').waitFor();
    expect(await agent.getByTestId('admin').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
