import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contactSchema, type ContactInput } from '../../shared/domain/contact-schema';
import { formatFrenchDate, parseFrenchDate } from '../../shared/domain/french-date';
import { civilityLabels, normalizeEmail, requireEmailForMedia } from '../../shared/domain/field-rules';
import { issuesOf } from './field-issues';

// 15 June 2024, local time: the schema judges birth dates against the calendar day the agent sees.
const today = new Date(2024, 5, 15, 10, 30);
const schema = contactSchema({ today });
const minimal: ContactInput = { lastName: 'Dupont', firstName: 'Jeanne' };
const parse = (fields: Partial<ContactInput>) => schema.safeParse({ ...minimal, ...fields });

const phoneFormat =
  "Saisissez uniquement des chiffres, sans espace : 0102030405, ou 00 suivi de l'indicatif du pays pour " +
  "l'international (ex. 00330102030405).";

describe('contact schema: names and civility', () => {
  it('requires the last and first names, absent or blank', () => {
    expect(issuesOf(schema.safeParse({}))).toEqual([
      ['lastName', 'Le nom est obligatoire.'],
      ['firstName', 'Le prénom est obligatoire.'],
    ]);
    expect(issuesOf(parse({ lastName: '  ', firstName: '' }))).toEqual([
      ['lastName', 'Le nom est obligatoire.'],
      ['firstName', 'Le prénom est obligatoire.'],
    ]);
  });

  it('trims names and caps them at 100 characters', () => {
    expect(parse({ lastName: '  Dupont ' }).data?.lastName).toBe('Dupont');
    expect(issuesOf(parse({ firstName: 'x'.repeat(101) }))).toEqual([['firstName', '100 caractères au maximum.']]);
    expect(issuesOf(parse({ firstName: 'x'.repeat(100) }))).toEqual([]);
  });

  it('defaults the civility to Monsieur and accepts only the fixed list', () => {
    expect(parse({}).data?.civility).toBe('monsieur');
    expect(civilityLabels.monsieur).toBe('Monsieur');
    expect(parse({ civility: 'madame' }).data?.civility).toBe('madame');
    expect(issuesOf(parse({ civility: 'docteur' as 'madame' }))).toEqual([
      ['civility', 'Choisissez une civilité dans la liste.'],
    ]);
  });
});

describe('contact schema: address and country', () => {
  it('makes every address line optional and leaves blank ones out', () => {
    const result = parse({ company: '', street: ' 12 rue des Lilas ', lieuDit: '   ', city: 'Lyon' });
    expect(result.data).toMatchObject({ street: '12 rue des Lilas', city: 'Lyon' });
    expect(result.data?.company).toBeUndefined();
    expect(result.data?.lieuDit).toBeUndefined();
  });

  it('does not check the postal code against the city', () => {
    expect(issuesOf(parse({ postalCode: '75001', city: 'Marseille' }))).toEqual([]);
  });

  it('takes an ISO alpha-2 country code, or none (the core fills the default)', () => {
    expect(parse({ country: 'BE' }).data?.country).toBe('BE');
    expect(parse({}).data?.country).toBeUndefined();
    for (const country of ['fr', 'FRA', 'F1']) {
      expect(issuesOf(parse({ country }))).toEqual([['country', 'Code pays invalide : deux lettres majuscules (ex. FR).']]);
    }
  });
});

describe('contact schema: birth date', () => {
  it.each([
    ['31/12/1990', '1990-12-31'],
    ['29/02/2000', '2000-02-29'],
    ['01/01/1900', '1900-01-01'],
    ['14/06/2024', '2024-06-14'],
  ])('accepts %s as %s', (typed, iso) => {
    expect(parse({ birthDate: typed }).data?.birthDate).toBe(iso);
  });

  it.each([
    ['31/02/1990', "Cette date n'existe pas."],
    ['29/02/1900', "Cette date n'existe pas."],
    ['00/01/1990', "Cette date n'existe pas."],
    ['12/13/1990', "Cette date n'existe pas."],
    ['15/06/2024', 'La date de naissance doit être dans le passé.'],
    ['01/01/2030', 'La date de naissance doit être dans le passé.'],
    ['31/12/1899', 'La date de naissance doit être postérieure au 01/01/1900.'],
    ['1990-12-31', 'Saisissez la date au format JJ/MM/AAAA.'],
    ['1/2/1990', 'Saisissez la date au format JJ/MM/AAAA.'],
  ])('refuses %s: %s', (typed, message) => {
    expect(issuesOf(parse({ birthDate: typed }))).toEqual([['birthDate', message]]);
  });

  it('leaves a blank birth date out', () => {
    expect(parse({ birthDate: '' }).data?.birthDate).toBeUndefined();
  });
});

describe('contact schema: phones', () => {
  const phones = ['mobile', 'landline', 'otherPhone', 'fax'] as const;

  it.each(phones)('%s accepts a national and an international number', (field) => {
    expect(parse({ [field]: '0102030405' }).data?.[field]).toBe('0102030405');
    expect(parse({ [field]: '00330102030405' }).data?.[field]).toBe('00330102030405');
    expect(parse({ [field]: '' }).data?.[field]).toBeUndefined();
  });

  it.each(phones)('%s refuses spaces, letters and malformed numbers with the expected form', (field) => {
    for (const typed of ['01 02 03 04 05', '01.02.03.04.05', '01O2030405', 'abc', '010203040', '01020304056', '0002030405']) {
      expect(issuesOf(parse({ [field]: typed })), typed).toEqual([[field, phoneFormat]]);
    }
  });

  it.each(phones)('%s asks to replace a + by 00', (field) => {
    for (const typed of ['+33102030405', '+33 1 02 03 04 05']) {
      expect(issuesOf(parse({ [field]: typed })), typed).toEqual([[field, 'Remplacez le + par 00 (ex. 0033…).']]);
    }
  });
});

describe('contact schema: e-mail', () => {
  it('is optional in the contact itself, trimmed, syntax-checked', () => {
    expect(parse({}).data?.email).toBeUndefined();
    expect(parse({ email: '  ' }).data?.email).toBeUndefined();
    expect(parse({ email: ' Jeanne.Dupont@Example.FR ' }).data?.email).toBe('Jeanne.Dupont@Example.FR');
    for (const email of ['jeanne', 'jeanne@', 'jeanne@example', 'jeanne dupont@example.fr']) {
      expect(issuesOf(parse({ email })), email).toEqual([['email', 'Adresse e-mail invalide.']]);
    }
  });

  it('compares addresses without case through normalizeEmail', () => {
    expect(normalizeEmail(' Jeanne.Dupont@Example.FR ')).toBe('jeanne.dupont@example.fr');
    expect(normalizeEmail('A@x.fr')).toBe(normalizeEmail('a@X.FR'));
  });

  it('is required when the queue media is e-mail, and only then', () => {
    const forEmail = schema.superRefine(requireEmailForMedia('email'));
    expect(issuesOf(forEmail.safeParse(minimal))).toEqual([
      ['email', "L'adresse e-mail est obligatoire pour une file e-mail."],
    ]);
    expect(issuesOf(forEmail.safeParse({ ...minimal, email: '' }))).toEqual([
      ['email', "L'adresse e-mail est obligatoire pour une file e-mail."],
    ]);
    expect(issuesOf(forEmail.safeParse({ ...minimal, email: 'j@example.fr' }))).toEqual([]);
    expect(issuesOf(schema.superRefine(requireEmailForMedia('letter')).safeParse(minimal))).toEqual([]);
    expect(issuesOf(schema.superRefine(requireEmailForMedia('phone')).safeParse(minimal))).toEqual([]);
  });
});

describe('contact schema: contact information', () => {
  it('takes every field as optional, the missing-document date as any real date', () => {
    const result = parse({
      missingDocumentDate: '02/03/2031',
      contactIdentifier: 'C-42',
      contractNumber: 'CT-2024-001',
      subscriberReference: 'AB123',
      orderNumber: 'CMD-9',
      comment: 'Rappeler le matin.\nPréfère le courrier.',
    });
    expect(result.data).toMatchObject({ missingDocumentDate: '2031-03-02', contractNumber: 'CT-2024-001' });
    expect(issuesOf(parse({ missingDocumentDate: '12/05/1850' }))).toEqual([]);
  });

  it('refuses a missing-document date that does not exist', () => {
    expect(issuesOf(parse({ missingDocumentDate: '31/04/2024' }))).toEqual([
      ['missingDocumentDate', "Cette date n'existe pas."],
    ]);
  });

  it('types the output: ISO dates, no blanks', () => {
    const output: z.output<typeof schema> = schema.parse({ ...minimal, birthDate: '05/04/1980', mobile: '' });
    expect(output).toEqual({ civility: 'monsieur', lastName: 'Dupont', firstName: 'Jeanne', birthDate: '1980-04-05' });
  });
});

describe('French dates', () => {
  it('parses JJ/MM/AAAA into ISO, or null', () => {
    expect(parseFrenchDate('31/12/1990')).toBe('1990-12-31');
    expect(parseFrenchDate('29/02/2024')).toBe('2024-02-29');
    expect(parseFrenchDate('29/02/2023')).toBeNull();
    expect(parseFrenchDate('31/12/90')).toBeNull();
    expect(parseFrenchDate('')).toBeNull();
  });

  it('formats ISO as JJ/MM/AAAA and leaves anything else as it is', () => {
    expect(formatFrenchDate('1990-12-31')).toBe('31/12/1990');
    expect(formatFrenchDate('31/12/1990')).toBe('31/12/1990');
  });
});
