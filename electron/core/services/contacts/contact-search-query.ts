import { parseSearchText } from '../case-search-query';

/**
 * What the agent typed in the contact search, made safe. The words come from the case search's
 * parser (letters and digits only: FTS5's syntax never reaches MATCH); the last word is always a
 * prefix here, because contacts_fts has prefix indexes (2 and 3 letters) and a contact is found
 * while typing its first letters.
 */
export function contactMatch(text: string): string | null {
  const terms = parseSearchText(text);
  if (!terms) return null;
  const phrases = terms.words.map((pieces) => `"${pieces.join(' ')}"`);
  return `${phrases.join(' ')}*`;
}

/** Separators people type inside numbers: `06 12 34 56 78`, `CT-2023-00481`, `01.02.03.04.05`. */
const separators = /[\s.\-/_()]/g;

export interface NumberQuery {
  /** Phones as stored (digits only, 00 for +): what the typed number may equal. */
  phones: string[];
  /** The typed reference without separators, upper-cased; a stored one is compared the same way. */
  reference: string;
}

/**
 * A phone or a reference typed whole: compared exactly (after dropping separators), which full-text
 * words cannot do for `06 12 34 56 78`. Null when the text is not number-like or too short to mean
 * one contact (three digits at least).
 */
export function numberQuery(text: string): NumberQuery | null {
  const compact = text.trim().toUpperCase().replace(separators, '');
  if (!/^\+?[0-9A-Z]+$/.test(compact) || (compact.match(/\d/g) ?? []).length < 3) return null;
  const digits = /^\+?\d+$/.test(compact) ? compact.replace('+', '') : null;
  const phones = digits === null ? [] : [compact.startsWith('+') ? `00${digits}` : digits];
  return { phones, reference: compact.replace('+', '') };
}
