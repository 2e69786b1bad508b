import { civilities, civilityLabels, type Civility } from '../../../../shared/domain/field-rules';

/** The entry's fields in file order, with the French names files and refusals use. */
export const entryFields = ['civility', 'lastName', 'firstName', 'email', 'organisation'] as const;
export type EntryField = (typeof entryFields)[number];

export const entryFieldLabels: Record<EntryField, string> = {
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  email: 'E-mail',
  organisation: 'Société',
};

/** What an imported row gives, as text, before the entry schema judges it. */
export type RawEntry = Partial<Record<EntryField, string>>;

export interface RawRow {
  /** Where the row (CSV) or the card (vCard) starts in the file, from 1. */
  line: number;
  entry: RawEntry;
}

/** French abbreviations (Imprimerie nationale), as vCard's N prefix and people's spreadsheets write them. */
export const civilityAbbreviations: Record<Civility, string> = {
  monsieur: 'M.',
  madame: 'Mme',
  mademoiselle: 'Mlle',
};

/** Other ways people write them, English exports included. */
const otherWords: Record<Civility, string[]> = {
  monsieur: ['m', 'mr', 'mr.'],
  madame: ['mme.', 'mrs', 'mrs.', 'ms', 'ms.'],
  mademoiselle: ['mlle.', 'miss'],
};

const civilityWords = new Map<string, Civility>(
  civilities.flatMap((code) =>
    [code, civilityAbbreviations[code].toLowerCase(), civilityLabels[code].toLowerCase(), ...otherWords[code]].map((word) => [word, code] as const),
  ),
);

/**
 * A civility as files write it ("M.", "Mme", "Madame", "madame") → the list's code. Anything else is
 * returned as written, so the entry schema refuses it with its own message; blank means "not given".
 */
export function civilityFromText(text: string | undefined): string | undefined {
  const word = text?.trim().toLowerCase();
  if (!word) return undefined;
  return civilityWords.get(word) ?? text?.trim();
}
