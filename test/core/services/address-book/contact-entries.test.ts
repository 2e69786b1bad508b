import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import { startDemoCore, type DemoCore } from '../admin/demo-core';

let demo: DemoCore;
let camille: Api;

beforeEach(async () => {
  demo = startDemoCore();
  camille = await demo.as('Camille Martin');
});
afterEach(() => demo.dispose());

const lookUp = (query: string) => camille.addressBook.search({ query });
const newContact = { civility: 'madame', lastName: 'Vasseur', firstName: 'Élise', company: 'Vasseur SA', email: 'elise.vasseur@example.fr' } as const;

// PRODUCT.md "Address book": the entries are the centre's contacts plus other addresses.
describe('the address book lists the centre contacts', () => {
  it('has the demo contacts that have an address, linked to their card', async () => {
    const [jean] = await camille.contacts.search({ q: 'jean.dupont@example.com' });
    expect(await lookUp('jean.dupont@example.com')).toMatchObject([{ lastName: 'Dupont', firstName: 'Jean', contactId: jean!.id }]);
  });

  it('adds a new contact with an address and follows its card when the address or the name changes', async () => {
    const card = await camille.contacts.create(newContact);
    const [entry] = await lookUp('elise vasseur');
    expect(entry).toMatchObject({ civility: 'madame', lastName: 'Vasseur', organisation: 'Vasseur SA', contactId: card.id });

    await camille.contacts.update({ ...newContact, contactId: card.id, lastName: 'Vasseur-Roy', email: 'e.roy@example.fr' });
    expect(await lookUp('vasseur')).toMatchObject([{ id: entry!.id, lastName: 'Vasseur-Roy', email: 'e.roy@example.fr', contactId: card.id }]);
  });

  it('gives a contact the entry an agent typed in the book before the card existed', async () => {
    const typed = await camille.addressBook.create({ lastName: 'VASSEUR', email: 'Elise.Vasseur@example.fr' });
    expect(typed.contactId).toBeNull();
    const card = await camille.contacts.create(newContact);
    expect(await lookUp('vasseur')).toMatchObject([{ id: typed.id, firstName: 'Élise', email: 'elise.vasseur@example.fr', contactId: card.id }]);
  });

  it('lists no entry for a contact without an address', async () => {
    const before = await camille.addressBook.search({ limit: 500 });
    await camille.contacts.create({ lastName: 'Sansmail', firstName: 'Paul', mobile: '0611111111' });
    expect(await camille.addressBook.search({ limit: 500 })).toEqual(before);
  });
});
