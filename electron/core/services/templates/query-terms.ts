import { frenchStopWords } from './french-stop-words';

/**
 * Full-text queries built from free text (a case's question, a search box): only letters and
 * digits ever reach FTS5, each term quoted, so no input can inject FTS syntax (`NEAR`, `-`, `:`…).
 */

const maxTerms = 40;

/** Accents off and lower case: how the FTS tokenizer (`remove_diacritics 2`) compares words. */
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Light French stemming, longest suffix first, keeping at least four letters: enough for
 * "remboursement" and "rembourser" to meet at `rembours*`, without a dictionary.
 */
const suffixes = [
  'issements', 'issement', 'atrices', 'ements', 'ations', 'ateurs', 'atrice', 'ement', 'ation', 'ateur', 'ances',
  'ences', 'ables', 'istes', 'euses', 'ance', 'ence', 'able', 'iste', 'eurs', 'euse', 'eur', 'ees', 'ee', 'es', 'er',
  'ez', 'e', 's', 'x',
];

export function stem(word: string): string {
  const suffix = suffixes.find((s) => word.endsWith(s) && word.length - s.length >= 4);
  return suffix ? word.slice(0, -suffix.length) : word;
}

/** Numbers under four digits (amounts, days) match everything and mean little. */
const meaningful = (word: string) =>
  /^\d+$/.test(word) ? word.length >= 4 : word.length >= 3 && !frenchStopWords.has(word);

/** The distinct stems of the meaningful words, in order of first appearance. */
export function meaningfulTerms(text: string): string[] {
  const words = text.split(/[^\p{L}\p{N}]+/u).map(fold).filter(meaningful);
  return [...new Set(words.map(stem))].slice(0, maxTerms);
}

const prefixTerm = (term: string) => (/^\d+$/.test(term) ? `"${term}"` : `"${term}"*`);

/** Any of the terms (suggestions: BM25 ranks documents by how many and how rare). Null: nothing to look for. */
export const anyOf = (terms: readonly string[]): string | null =>
  terms.length > 0 ? terms.map(prefixTerm).join(' OR ') : null;

/** All of the terms (a search box: each word narrows the results). */
export const allOf = (terms: readonly string[]): string | null =>
  terms.length > 0 ? terms.map(prefixTerm).join(' AND ') : null;
