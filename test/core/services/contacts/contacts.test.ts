import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import type { ContactInput } from '../../../../shared/domain/contact-schema';
import { contactFormValues } from '../../../../shared/domain/contact-view';
import { refusal, startDemoCore, type DemoCore } from '../admin/demo-core';

let demo: DemoCore;
let camille: Api;

beforeAll(async () => {
  demo = startDemoCore();
  camille = await demo.as('Camille Martin');
});
afterAll(() => demo.dispose());

const names = (found: Array<{ lastName: string }>) => found.map((contact) => contact.lastName);

async function idOf(lastName: string): Promise<number> {
  const [found] = await camille.contacts.search({ q: lastName, limit: 1 });
  if (found?.lastName !== lastName) throw new Error(`demo contact ${lastName} not found`);
  return found.id;
}

describe('contacts.search', () => {
  it('finds a contact by the first letters of the name, without accents', async () => {
    expect(names(await camille.contacts.search({ q: 'Dup' }))).toEqual(['Dupont']);
    expect(names(await camille.contacts.search({ q: 'helene bl' }))).toEqual(['Blanc']);
    expect(names(await camille.contacts.search({ q: 'Mercier & Fils' }))).toEqual(['Mercier']);
  });

  it('finds a contact by e-mail address and by company', async () => {
    expect(names(await camille.contacts.search({ q: 'jean.dupont@example.com' }))).toEqual(['Dupont']);
    expect(names(await camille.contacts.search({ q: 'pharmacie' }))).toEqual(['Vincent']);
  });

  it('finds a phone typed with spaces, dots or a +', async () => {
    for (const q of ['0612345678', '06 12 34 56 78', '06.12.34.56.78']) {
      expect(names(await camille.contacts.search({ q })), q).toEqual(['Dupont']);
    }
    expect(names(await camille.contacts.search({ q: '+32 470 12 34 56' }))).toEqual(['Peeters']);
    expect(names(await camille.contacts.search({ q: '0240123457' }))).toEqual(['Moreau']); // a fax
  });

  it('finds contract, subscriber and order numbers as written or by their digits only', async () => {
    expect(names(await camille.contacts.search({ q: 'CT-2023-00481' }))).toEqual(['Dupont']);
    expect(names(await camille.contacts.search({ q: '202300481' }))).toEqual(['Dupont']);
    expect(names(await camille.contacts.search({ q: 'ab 559201' }))).toEqual(['Lefebvre']);
    expect(names(await camille.contacts.search({ q: '784512' }))).toEqual(['Garcia']);
    expect(names(await camille.contacts.search({ q: 'PRO-0042' }))).toEqual(['Mercier']);
  });

  it.each([
    ['"', []],
    ['*', []],
    ['NEAR', []],
    ['-', []],
    ['(', []],
    [':', []],
    ['dupont"', ['Dupont']],
    ['"dupont', ['Dupont']],
    ['-dupont', ['Dupont']],
    ['(dupont', ['Dupont']],
    ['dupont*', ['Dupont']],
    ['^dupont', ['Dupont']],
    ['dupont OR', []],
    ['dupont AND NOT', []],
    ['last_name:Dupont', []],
    ['NEAR(dupont jean)', []],
    ['{last_name}: dupont', []],
    ["dupont' OR 1=1 --", []],
  ])('reads %j as words, never as FTS5 syntax', async (q, expected) => {
    expect(names(await camille.contacts.search({ q }))).toEqual(expected);
  });

  it('refuses an empty query and caps the results', async () => {
    expect((await refusal(camille.contacts.search({ q: '  ' }))).fields).toHaveProperty('q');
    expect(await camille.contacts.search({ q: 'example', limit: 3 })).toHaveLength(3);
  });
});

describe('contacts.get and contacts.history', () => {
  it('gives the whole card, dates ISO and blanks null', async () => {
    const card = await camille.contacts.get({ contactId: await idOf('Dupont') });
    expect(card).toMatchObject({
      civility: 'monsieur',
      firstName: 'Jean',
      email: 'jean.dupont@example.com',
      contractNumber: 'CT-2023-00481',
      birthDate: '1978-04-12',
      country: 'FR',
      company: null,
    });
    expect(contactFormValues(card)).toMatchObject({ birthDate: '12/04/1978', company: '' });
  });

  it('lists the contact cases newest first with date, number, media, subject and state', async () => {
    const history = await camille.contacts.history({ contactId: await idOf('Dupont') });
    expect(history.map(({ subject, state, media }) => ({ subject, state, media }))).toEqual([
      { subject: 'Facture de mars incompréhensible', state: 'todo', media: 'email' },
      { subject: 'Échange d’un produit défectueux', state: 'closed', media: 'email' },
    ]);
    const [newest, oldest] = history.map((row) => row.receivedAt);
    expect((newest ?? '') > (oldest ?? '')).toBe(true);
    expect(history.every((row) => /^\d{6}$/.test(row.number))).toBe(true);
  });

  it('says when the contact does not exist', async () => {
    expect((await refusal(camille.contacts.get({ contactId: 9999 }))).code).toBe('not_found');
    expect((await refusal(camille.contacts.history({ contactId: 9999 }))).code).toBe('not_found');
  });
});

const fullContact: ContactInput = {
  civility: 'madame',
  lastName: 'Nouvelle',
  firstName: 'Inès',
  company: 'Atelier Inès',
  street: '4 rue Neuve',
  lieuDit: 'Le Bourg',
  residence: 'Les Cèdres',
  building: 'Bât. C',
  postalCode: '44100',
  city: 'Nantes',
  birthDate: '03/07/1985',
  mobile: '0611111111',
  landline: '0240000000',
  otherPhone: '00447700900123',
  fax: '0240000001',
  email: 'Ines.Nouvelle@Example.com',
  missingDocumentDate: '10/03/2025',
  contactIdentifier: 'ID-77',
  contractNumber: 'CT-2025-00999',
  subscriberReference: 'AB-121212',
  orderNumber: 'CMD-900001',
  comment: 'Rappeler le matin.',
};

describe('contacts.create and contacts.update', () => {
  it('creates a card with every field, the default country and a searchable address', async () => {
    const card = await camille.contacts.create(fullContact);
    expect(card).toMatchObject({
      ...fullContact,
      birthDate: '1985-07-03',
      missingDocumentDate: '2025-03-10',
      country: 'FR',
      createdAt: '2025-03-14T10:00:00.000Z',
    });
    expect(names(await camille.contacts.search({ q: 'ines.nouvelle' }))).toEqual(['Nouvelle']);
    expect(names(await camille.contacts.search({ q: '00447700900123' }))).toEqual(['Nouvelle']);
  });

  it('refuses the rules of the form on their fields, in French, writing nothing', async () => {
    const before = demo.dump();
    const error = await refusal(
      camille.contacts.create({ lastName: '', firstName: ' ', mobile: '06 11 11 11 11', fax: '+33240000001', birthDate: '31/02/1990' }),
    );
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({
      lastName: 'Le nom est obligatoire.',
      firstName: 'Le prénom est obligatoire.',
      mobile: expect.stringMatching(/^Saisissez uniquement des chiffres, sans espace/),
      fax: 'Remplacez le + par 00 (ex. 0033…).',
      birthDate: "Cette date n'existe pas.",
    });
    const future = await refusal(camille.contacts.create({ lastName: 'A', firstName: 'B', birthDate: '15/03/2025' }));
    expect(future.fields).toEqual({ birthDate: 'La date de naissance doit être dans le passé.' });
    expect(demo.dump()).toEqual(before);
  });

  it('refuses an address another card has, whatever its case, and points to that card', async () => {
    const dupont = await idOf('Dupont');
    const before = demo.dump();
    const error = await refusal(camille.contacts.create({ lastName: 'Dupond', firstName: 'Jean', email: 'JEAN.DUPONT@example.com' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Jean Dupont');
    expect(error.fields).toEqual({ email: error.message });
    expect(error.details).toEqual({ existingContactId: dupont });
    expect(demo.dump()).toEqual(before);
  });

  it('updates the whole card, keeping its own address under another case', async () => {
    const dupont = await idOf('Dupont');
    const values = contactFormValues(await camille.contacts.get({ contactId: dupont }));
    const updated = await camille.contacts.update({
      ...values,
      contactId: dupont,
      email: 'Jean.Dupont@EXAMPLE.com',
      landline: '0145454545',
      street: '',
    });
    expect(updated).toMatchObject({ email: 'Jean.Dupont@EXAMPLE.com', landline: '0145454545', street: null, birthDate: '1978-04-12' });
    expect(names(await camille.contacts.search({ q: '01 45 45 45 45' }))).toEqual(['Dupont']);
  });

  it('refuses to give a card the address of another one', async () => {
    const dupont = await idOf('Dupont');
    const values = contactFormValues(await camille.contacts.get({ contactId: dupont }));
    const error = await refusal(camille.contacts.update({ ...values, contactId: dupont, email: 'marie.lefebvre@example.org' }));
    expect(error).toMatchObject({ code: 'conflict', details: { existingContactId: await idOf('Lefebvre') } });
    const missing = await refusal(camille.contacts.update({ ...values, contactId: 9999, email: '' }));
    expect(missing.code).toBe('not_found');
  });
});

describe('contacts.checkEmail', () => {
  it('names the card that has the address, except the one being edited', async () => {
    const lefebvre = await idOf('Lefebvre');
    expect(await camille.contacts.checkEmail({ email: ' Marie.Lefebvre@EXAMPLE.org ' })).toMatchObject({ id: lefebvre });
    expect(await camille.contacts.checkEmail({ email: 'marie.lefebvre@example.org', exceptContactId: lefebvre })).toBeNull();
    expect(await camille.contacts.checkEmail({ email: 'personne@example.org' })).toBeNull();
    expect(await camille.contacts.checkEmail({ email: '' })).toBeNull();
  });
});

describe('who may use contacts', () => {
  it('refuses an administrator, who handles no case', async () => {
    const admin = await demo.as('Admin Unified');
    expect((await refusal(admin.contacts.search({ q: 'Dupont' }))).code).toBe('forbidden');
    expect((await refusal(admin.contacts.create({ lastName: 'A', firstName: 'B' }))).code).toBe('forbidden');
  });
});
