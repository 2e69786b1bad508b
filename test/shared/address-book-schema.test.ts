import { describe, expect, it } from 'vitest';
import { addressBookEntrySchema, type AddressBookEntryInput } from '../../shared/domain/address-book-schema';
import { issuesOf } from './field-issues';

const minimal: AddressBookEntryInput = { lastName: 'Martin', email: 'p.martin@cabinet-expert.fr' };
const parse = (fields: Partial<AddressBookEntryInput>) => addressBookEntrySchema.safeParse({ ...minimal, ...fields });

describe('address-book entry schema', () => {
  it('defaults the civility to Monsieur and the first name to empty', () => {
    expect(parse({}).data).toEqual({
      civility: 'monsieur',
      lastName: 'Martin',
      firstName: '',
      email: 'p.martin@cabinet-expert.fr',
    });
  });

  it('keeps the organisation and a chosen civility', () => {
    expect(parse({ civility: 'madame', firstName: 'Paule', organisation: 'Cabinet Expert' }).data).toMatchObject({
      civility: 'madame',
      firstName: 'Paule',
      organisation: 'Cabinet Expert',
    });
  });

  it('requires the e-mail address, absent or blank', () => {
    expect(issuesOf(addressBookEntrySchema.safeParse({ lastName: 'Martin' }))).toEqual([
      ['email', "L'adresse e-mail est obligatoire."],
    ]);
    expect(issuesOf(parse({ email: '  ' }))).toEqual([['email', "L'adresse e-mail est obligatoire."]]);
  });

  it('checks the address syntax and trims it', () => {
    expect(issuesOf(parse({ email: 'martin@' }))).toEqual([['email', 'Adresse e-mail invalide.']]);
    expect(parse({ email: ' P.Martin@Cabinet-Expert.fr ' }).data?.email).toBe('P.Martin@Cabinet-Expert.fr');
  });

  it('requires the last name', () => {
    expect(issuesOf(parse({ lastName: ' ' }))).toEqual([['lastName', 'Le nom est obligatoire.']]);
  });

  it('caps each name at 50 characters', () => {
    expect(issuesOf(parse({ lastName: 'x'.repeat(51), firstName: 'y'.repeat(51) }))).toEqual([
      ['lastName', '50 caractères au maximum.'],
      ['firstName', '50 caractères au maximum.'],
    ]);
    expect(issuesOf(parse({ lastName: 'x'.repeat(50), firstName: 'y'.repeat(50) }))).toEqual([]);
  });

  it('accepts only the fixed civility list', () => {
    expect(issuesOf(parse({ civility: 'maître' as 'madame' }))).toEqual([
      ['civility', 'Choisissez une civilité dans la liste.'],
    ]);
  });
});
