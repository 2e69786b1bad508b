import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { signedInPage } from './case-helpers';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';

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
const error = (name: string) => page.getByTestId(`error-${name}`);
const sql = <T>(query: string, ...params: unknown[]) => app.core.db.sqlite.prepare(query).get(...params) as T;

async function openForm(): Promise<void> {
  await page.getByTestId('open-create-case').click();
  await page.getByTestId('creation-reset').click();
  await field('formId').selectOption({ label: 'E-mail' });
  await field('queueId').selectOption({ label: 'Service clients' });
}

async function createdNumber(): Promise<string> {
  await expect.poll(() => page.getByTestId('creation-success').textContent()).toMatch(/Le dossier \d{6} a été créé/);
  return /(\d{6})/.exec((await page.getByTestId('creation-success').textContent()) ?? '')?.[1] ?? '';
}

describe('« Créer un dossier » for a new contact', () => {
  it('creates the case and the contact with every field, filed in En cours for « A traiter »', async () => {
    await openForm();
    expect(await field('contact.country').inputValue()).toBe('FR');
    await field('contact.civility').selectOption({ label: 'Madame' });
    const typed: Record<string, string> = {
      lastName: 'Lambert',
      firstName: 'Chloé',
      company: 'Lambert Conseil',
      street: '9 rue Victor Hugo',
      lieuDit: 'Le Bourg',
      residence: 'Résidence du Parc',
      building: 'Bâtiment C',
      postalCode: '49000',
      city: 'Angers',
      birthDate: '14/07/1985',
      mobile: '0611223300',
      landline: '0241000000',
      otherPhone: '00441234567890',
      fax: '0241000001',
      email: 'chloe.lambert@example.fr',
      contactIdentifier: 'ID-778',
      contractNumber: 'CT-2026-00999',
      subscriberReference: 'AB-777001',
      orderNumber: 'CMD-990011',
      comment: 'Préfère être contactée le matin.',
    };
    for (const [name, value] of Object.entries(typed)) await field(`contact.${name}`).fill(value);
    await field('contact.country').selectOption({ label: 'Belgique' });
    // Picked from the calendar, written back as JJ/MM/AAAA.
    await page.getByTestId('picker-contact.missingDocumentDate').fill('2026-11-20');
    expect(await field('contact.missingDocumentDate').inputValue()).toBe('20/11/2026');
    await field('subject').fill('Facture en double');
    await field('question').fill('Bonjour,\n\nJ’ai été facturée deux fois pour la même commande.');
    await page.getByTestId('request-attachments-input').setInputFiles({
      name: 'facture.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Facture n° 42'),
    });
    await expect.poll(() => page.getByTestId('request-attachments').getByTestId('attachment-item').count()).toBe(1);
    await field('qualificationId').selectOption({ label: 'Facturation › Remboursement' });
    await field('notepad').fill('Cliente appelée le 20/11, très aimable.');
    await field('response.html').fill('Bonjour, nous vérifions votre facture.');
    await page.getByTestId('response-attachments-input').setInputFiles({
      name: 'procedure.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Procédure de remboursement'),
    });
    await expect.poll(() => page.getByTestId('response-attachments').getByTestId('attachment-item').count()).toBe(1);
    await field('action').selectOption({ label: 'A traiter' });
    // The workspace scrolls inside the window: a window as tall as the form shows all of it.
    const height = Number(await page.evaluate("document.querySelector('main')?.scrollHeight ?? 900"));
    await page.setViewportSize({ width: 1280, height: height + 80 });
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'create-case.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('creation-submit').click();

    const number = await createdNumber();
    await expect.poll(() => page.getByTestId('desk-title').textContent()).toContain('En cours');
    const contact = sql<Record<string, string | number>>('SELECT * FROM contacts WHERE email = ?', typed.email);
    expect(contact).toMatchObject({
      civility: 'madame',
      last_name: 'Lambert',
      first_name: 'Chloé',
      company: 'Lambert Conseil',
      street: '9 rue Victor Hugo',
      lieu_dit: 'Le Bourg',
      residence: 'Résidence du Parc',
      building: 'Bâtiment C',
      postal_code: '49000',
      city: 'Angers',
      country: 'BE',
      birth_date: '1985-07-14',
      mobile: '0611223300',
      landline: '0241000000',
      other_phone: '00441234567890',
      fax: '0241000001',
      missing_document_date: '2026-11-20',
      contact_identifier: 'ID-778',
      contract_number: 'CT-2026-00999',
      subscriber_reference: 'AB-777001',
      order_number: 'CMD-990011',
      comment: 'Préfère être contactée le matin.',
    });
    const created = sql<Record<string, string | number>>('SELECT * FROM cases WHERE number = ?', number);
    expect(created).toMatchObject({ contact_id: contact.id, subject: 'Facture en double', state: 'todo', assignee_id: 1, queue_id: 1 });
    expect(created.question_html).toContain('deux fois pour la même commande');
    const qualification = sql<{ label: string }>('SELECT label FROM qualifications WHERE id = ?', created.qualification_id);
    expect(qualification.label).toBe('Remboursement');
    const note = sql<{ text: string }>('SELECT text FROM notepad_entries WHERE case_id = ?', created.id);
    expect(note.text).toContain('très aimable');
    const files = app.core.db.sqlite.prepare('SELECT display_name FROM attachments WHERE case_id = ?').all(created.id) as { display_name: string }[];
    expect(files.map((f) => f.display_name)).toContain('facture.txt');
    // The new case is on Camille's En cours desk.
    await expect.poll(() => page.getByTestId('case-row').filter({ hasText: number }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('refuses each mistake on its own field, in French, and keeps what was typed', async () => {
    await openForm();
    await field('contact.mobile').fill('06 12 34 56 78');
    await field('contact.landline').fill('+33612345678');
    await field('contact.birthDate').fill('31/02/1990');
    await field('contact.email').fill('pas-une-adresse');
    await page.getByTestId('creation-submit').click();

    await expect.poll(() => error('contact.lastName').textContent()).toBe('Le nom est obligatoire.');
    expect(await error('contact.firstName').textContent()).toBe('Le prénom est obligatoire.');
    expect(await error('contact.mobile').textContent()).toContain('sans espace');
    expect(await error('contact.landline').textContent()).toContain('Remplacez le + par 00');
    expect(await error('contact.birthDate').textContent()).toBe("Cette date n'existe pas.");
    expect(await error('contact.email').textContent()).toBe('Adresse e-mail invalide.');
    expect(await error('subject').textContent()).toBe("L'objet est obligatoire.");
    expect(await error('question').textContent()).toBe('La question est obligatoire.');
    expect(await error('action').textContent()).toBe('Choisissez une action.');
    // The first mistake has the focus; nothing typed was lost.
    expect(await page.evaluate("document.activeElement?.getAttribute('data-field')")).toBe('contact.lastName');
    expect(await field('contact.mobile').inputValue()).toBe('06 12 34 56 78');

    await field('contact.birthDate').fill('01/01/2099');
    await field('contact.email').fill('');
    await page.getByTestId('creation-submit').click();
    await expect.poll(() => error('contact.birthDate').textContent()).toBe('La date de naissance doit être dans le passé.');
    expect(await error('contact.email').textContent()).toBe("L'adresse e-mail est obligatoire pour une file e-mail.");

    // An address another card has: a warning while typing, offering that contact.
    await field('contact.email').fill('jean.dupont@example.com');
    await expect.poll(() => page.getByTestId('email-owner').textContent()).toContain('Jean Dupont');

    // Refused by the core (the address is Jean Dupont's): every value stays as typed.
    await field('contact.lastName').fill('Martin');
    await field('contact.firstName').fill('Jeanne');
    await field('contact.mobile').fill('0612345670');
    await field('contact.landline').fill('');
    await field('contact.birthDate').fill('02/03/1990');
    await field('subject').fill('Question sur ma commande');
    await field('question').fill('Où en est ma commande ?');
    await field('action').selectOption({ label: 'A traiter' });
    const casesBefore = sql<{ n: number }>('SELECT count(*) AS n FROM cases').n;
    await page.getByTestId('creation-submit').click();
    await expect.poll(() => error('contact.email').textContent()).toBeTruthy();
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM cases').n).toBe(casesBefore);
    expect(await field('contact.lastName').inputValue()).toBe('Martin');
    expect(await field('subject').inputValue()).toBe('Question sur ma commande');
    expect(await field('question').textContent()).toContain('Où en est ma commande');
    expect(await field('contact.email').inputValue()).toBe('jean.dupont@example.com');
    await expect.poll(() => page.getByTestId('email-owner').textContent()).toContain('Jean Dupont');
    // « Utiliser ce contact »: the form now files the case for that card.
    await page.getByTestId('use-contact').click();
    await expect.poll(() => page.getByTestId('creation-for').textContent()).toContain('Jean Dupont');
    expect(await field('contact.lastName').inputValue()).toBe('Dupont');

    // A queue of another media is not even offered.
    await field('formId').selectOption({ label: 'Courrier' });
    const offered = await field('queueId').locator('option').allTextContents();
    expect(offered).not.toContain('Service clients');
    expect(offered).not.toContain('Réclamations');
    expect(await field('queueId').inputValue()).not.toBe('1');
  });

  it('« Répondre et clore » sends the reply and files the case in Traités', async () => {
    // The demo's own mailbox is its default sending mailbox.
    await openForm();
    await field('contact.lastName').fill('Noël');
    await field('contact.firstName').fill('Sarah');
    await field('contact.email').fill('sarah.noel@example.fr');
    await field('subject').fill('Horaires d’ouverture');
    await field('question').fill('Êtes-vous ouverts le samedi ?');
    await field('action').selectOption({ label: 'Répondre et clore' });
    await page.getByTestId('creation-submit').click();
    // A reply action without a reply is refused on the reply itself.
    await expect.poll(() => error('response.html').textContent()).toBeTruthy();
    await field('response.html').fill('Bonjour, nous sommes ouverts le samedi matin.');
    await page.getByTestId('creation-submit').click();

    const number = await createdNumber();
    await expect.poll(() => page.getByTestId('desk-title').textContent()).toContain('Traités');
    expect(sql<{ state: string }>('SELECT state FROM cases WHERE number = ?', number).state).toBe('closed');
  });

  it('« A traiter par un autre agent » files the case in that agent’s En cours', async () => {
    await openForm();
    await field('contact.lastName').fill('Perrin');
    await field('contact.firstName').fill('Marc');
    await field('contact.email').fill('marc.perrin@example.fr');
    await field('subject').fill('Changement d’adresse');
    await field('question').fill('Je déménage le mois prochain.');
    await field('action').selectOption({ label: 'A traiter par un autre agent' });
    await page.getByTestId('creation-submit').click();
    await expect.poll(() => error('targetAgentId').textContent()).toBeTruthy();
    await field('targetAgentId').selectOption({ label: 'Lucas Bernard' });
    await page.getByTestId('creation-submit').click();

    const number = await createdNumber();
    const created = sql<{ state: string; assignee_id: number }>('SELECT state, assignee_id FROM cases WHERE number = ?', number);
    expect(created).toEqual({ state: 'todo', assignee_id: 2 });
    expect(pageErrors).toEqual([]);
  });
});
