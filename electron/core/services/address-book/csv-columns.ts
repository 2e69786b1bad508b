import { entryFieldLabels, entryFields, type EntryField } from './entry-fields';

/**
 * The CSV file's columns: exported under their French names, imported under French or English
 * ones, whatever their case, accents or spacing ("E-mail", "email", "Adresse e-mail", "Prénom").
 */

const aliases: Record<EntryField, string[]> = {
  civility: ['civilite', 'civility', 'title', 'titre'],
  lastName: ['nom', 'lastname', 'nomdefamille', 'familyname', 'surname', 'name'],
  firstName: ['prenom', 'firstname', 'givenname'],
  email: ['email', 'mail', 'courriel', 'adresseemail', 'adressemail', 'emailaddress'],
  organisation: ['societe', 'organisation', 'organization', 'entreprise', 'company', 'org'],
};

const headerKey = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const fieldByAlias = new Map(entryFields.flatMap((field) => aliases[field].map((alias) => [alias, field] as const)));

/** Column index → field; unknown columns are ignored (a spreadsheet often carries more). */
export function columnFields(headers: readonly string[]): Map<number, EntryField> {
  const found = new Map<number, EntryField>();
  headers.forEach((header, index) => {
    const field = fieldByAlias.get(headerKey(header));
    if (field && ![...found.values()].includes(field)) found.set(index, field);
  });
  return found;
}

export const exportHeaders = entryFields.map((field) => entryFieldLabels[field]);

/**
 * A cell starting with = + - @ is a formula to Excel and LibreOffice (OWASP "CSV injection"): an
 * imported name must never run as one on the next export. It is written behind an apostrophe, which
 * the spreadsheet hides and the import removes again, so the round trip keeps the value.
 */
const formulaStart = /^[=+\-@\t\r]/;

export const protectCell = (value: string): string => (formulaStart.test(value) ? `'${value}` : value);

export const unprotectCell = (value: string): string =>
  value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
