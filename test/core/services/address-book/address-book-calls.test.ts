import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import { refusal, startDemoCore, type DemoCore } from '../admin/demo-core';

let demo: DemoCore;
let camille: Api;

beforeAll(async () => {
  demo = startDemoCore();
  camille = await demo.as('Camille Martin');
});
afterAll(() => demo.dispose());

const names = (found: Array<{ lastName: string }>) => found.map((entry) => entry.lastName);
const expert = { civility: 'madame', lastName: 'Lemaître', firstName: 'Zoé', email: 'zoe.lemaitre@expert.example.fr', organisation: 'Lemaître Conseil' } as const;

describe('addressBook.search', () => {
  it('lists the book in alphabetical order when nothing is typed, up to the limit', async () => {
    const book = names(await camille.addressBook.search({ limit: 500 }));
    expect(book.slice(0, 3)).toEqual(['André', 'Benoit', 'Blanc']); // 'André' folds to 'andre': before 'b'
    expect(book).toEqual(expect.arrayContaining(['Caron', 'Dumas', 'Roche', 'Dupont']));
    expect(names(await camille.addressBook.search({ query: '  ', limit: 2 }))).toEqual(['André', 'Benoit']);
  });

  it('finds an entry by the first letters of its name, address or organisation, without accents', async () => {
    expect(names(await camille.addressBook.search({ query: 'agnes' }))).toEqual(['Caron']);
    expect(names(await camille.addressBook.search({ query: 'ROCH' }))).toEqual(['Roche']);
    expect(names(await camille.addressBook.search({ query: 'transex' }))).toEqual(['Benoit']);
    expect(names(await camille.addressBook.search({ query: 'paul.dumas@centre' }))).toEqual(['Dumas']);
    expect(names(await camille.addressBook.search({ query: 'hugo caron' }))).toEqual([]);
    expect(names(await camille.addressBook.search({ query: 'oche' }))).toEqual([]); // a prefix, not any substring
  });

  it('reads % and _ as text, never as LIKE wildcards', async () => {
    const book = await camille.addressBook.search({ limit: 500 });
    expect(await camille.addressBook.search({ query: '%', limit: 500 })).toEqual(book); // nothing left to match: everything
    expect(names(await camille.addressBook.search({ query: 'r_che' }))).toEqual([]);
  });
});

describe('addressBook.create, get, update, delete', () => {
  it('creates, reads, edits and deletes an entry', async () => {
    const created = await camille.addressBook.create(expert);
    expect(created).toMatchObject({ ...expert, contactId: null });
    expect(await camille.addressBook.get({ id: created.id })).toEqual(created);
    expect(names(await camille.addressBook.search({ query: 'zoe lemaitre' }))).toEqual(['Lemaître']);

    const edited = await camille.addressBook.update({ ...expert, id: created.id, firstName: '', organisation: '' });
    expect(edited).toMatchObject({ id: created.id, firstName: '', organisation: null });

    expect(await camille.addressBook.delete({ id: created.id })).toBeNull();
    const gone = await refusal(camille.addressBook.get({ id: created.id }));
    expect([gone.code, gone.message]).toEqual(['not_found', "Cette adresse n'est plus dans le carnet."]);
    expect((await refusal(camille.addressBook.delete({ id: created.id }))).code).toBe('not_found');
  });

  it('links an entry to the contact card with the same address, whatever its case', async () => {
    const [jean] = await camille.contacts.search({ q: 'jean.dupont@example.com' });
    const [listed] = await camille.addressBook.search({ query: 'jean.dupont@example.com' });
    await camille.addressBook.delete({ id: listed!.id }); // the book may forget a contact's entry
    const entry = await camille.addressBook.create({ lastName: 'Dupont', firstName: 'Jean', email: 'JEAN.Dupont@example.com' });
    expect(entry).toMatchObject({ civility: 'monsieur', contactId: jean?.id, email: 'JEAN.Dupont@example.com' });
  });

  it('refuses each broken rule on its own field, in French', async () => {
    const bad = await refusal(camille.addressBook.create({ ...expert, lastName: ' ', email: 'zoe@', firstName: 'x'.repeat(51) }));
    expect(bad.code).toBe('validation');
    expect(bad.fields).toEqual({
      lastName: 'Le nom est obligatoire.',
      firstName: '50 caractères au maximum.',
      email: 'Adresse e-mail invalide.',
    });
    const civility = await refusal(camille.addressBook.create({ ...expert, civility: 'docteur' as 'madame' }));
    expect(civility.fields).toEqual({ civility: 'Choisissez une civilité dans la liste.' });
  });

  it('keeps an address once whatever its case: a second entry or an edit onto it is refused on email', async () => {
    const taken = await refusal(camille.addressBook.create({ ...expert, email: 'V.Roche@Expertise-Roche.example.com' }));
    expect(taken.code).toBe('conflict');
    expect(taken.fields?.email).toMatch(/^L'adresse v\.roche@expertise-roche\.example\.com est déjà dans le carnet \(Roche Valérie\)/);

    const [dumas] = await camille.addressBook.search({ query: 'dumas' });
    if (!dumas) throw new Error('demo entry Dumas missing');
    const onto = await refusal(camille.addressBook.update({ ...dumas, organisation: undefined, email: 'HUGO.benoit@transporteur.example.net' }));
    expect(onto.code).toBe('conflict');
    // Its own address in another case is not a conflict.
    const recased = await camille.addressBook.update({ ...dumas, organisation: undefined, email: 'Paul.Dumas@centre-demo.example.com' });
    expect(recased.email).toBe('Paul.Dumas@centre-demo.example.com');
  });
});

describe('access', () => {
  it('is for agents and supervisors, not for an administrator nor before sign-in', async () => {
    const sophie = await demo.as('Sophie Durand');
    expect(await sophie.addressBook.search({ query: 'roche' })).toHaveLength(1);
    const admin = await demo.as('Admin Unified');
    const refused = await refusal(admin.addressBook.search({}));
    expect([refused.code, refused.message]).toEqual(['forbidden', "Votre compte n'a pas accès au carnet d'adresses."]);
    expect((await refusal(admin.addressBook.exportFile({ format: 'csv' }))).code).toBe('forbidden');

    const connection = demo.core.connect();
    const anonymous = await connection.call('addressBook.search', {});
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
