import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likePatterns, parseSearchText } from '../../../electron/core/services/case-search-query';
import { partsFromMarked, textSnippet } from '../../../electron/core/services/case-search-snippet';
import { openDemoDatabase, type TempDatabase } from '../temp-database';

let temp: TempDatabase;
beforeAll(() => void (temp = openDemoDatabase()));
afterAll(() => temp.dispose());

const matchOf = (text: string) => parseSearchText(text)?.match;
/** Runs the expression on the real cases_fts: a syntax error would throw. */
const hits = (text: string) => {
  const match = matchOf(text);
  if (!match) return null;
  return temp.db.sqlite.prepare('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?').pluck().all(match) as number[];
};
/** Nothing but quoted phrases of letters and digits, the last one maybe a prefix. */
const onlyPhrases = /^"[\p{L}\p{N}\p{M} ]+"( "[\p{L}\p{N}\p{M} ]+")*\*?$/u;

describe('parseSearchText', () => {
  it('quotes every word and makes the last one a prefix', () => {
    expect(matchOf('facture mars')).toBe('"facture" "mars"*');
    expect(hits('factu')?.length).toBeGreaterThan(0);
  });

  it('keeps a short last word whole: cases_fts has no prefix index', () => {
    expect(matchOf('facture de')).toBe('"facture" "de"');
  });

  it('keeps a word written with punctuation together, as a phrase', () => {
    expect(matchOf('CMD-784512')).toBe('"CMD 784512"*');
    expect(hits('CMD-784512')).toHaveLength(1);
    expect(matchOf("l'adresse")).toBe('"l adresse"*');
  });

  it.each([
    ['a double quote', 'facture"'],
    ['a lone double quote', '" mars'],
    ['a star', '*fact* mars*'],
    ['NEAR', 'NEAR(facture mars, 2)'],
    ['boolean operators', 'facture OR mars AND NOT colis'],
    ['a minus (column exclusion)', '-subject facture'],
    ['parentheses', '(facture) (mars'],
    ['a column filter', 'subject:facture'],
    ['a column set', '{subject question}: facture'],
    ['an initial-token marker', '^facture'],
    ['a plus', 'facture + mars'],
  ])('leaves no FTS5 syntax from %s', (_what, text) => {
    expect(matchOf(text)).toMatch(onlyPhrases);
    expect(() => hits(text)).not.toThrow();
  });

  it('searches FTS5 keywords as plain words', () => {
    expect(matchOf('NEAR')).toBe('"NEAR"*');
    expect(matchOf('a OR b')).toBe('"a" "OR" "b"');
    expect(hits('OR')).toEqual([]);
  });

  it('finds nothing to search in punctuation alone', () => {
    for (const text of ['"', '***', '()', ' - : ^ ', '']) expect(parseSearchText(text)).toBeNull();
  });

  it('composes accents typed decomposed, so that they match as typed composed', () => {
    expect(matchOf('He\u0301le\u0300ne')).toBe('"Hélène"*');
    // The index folds diacritics: "helene" finds Hélène Blanc, the demo contact.
    expect(hits('helene')?.length).toBeGreaterThan(0);
  });

  it('bounds the words of one search', () => {
    const words = Array.from({ length: 30 }, (_, i) => `mot${i}`).join(' ');
    expect(parseSearchText(words)?.words).toHaveLength(12);
  });

  it('gives one LIKE pattern per word, pieces in order', () => {
    const terms = parseSearchText("l'adresse 50% CMD_1");
    expect(terms && likePatterns(terms)).toEqual(['%l%adresse%', '%50%', '%CMD%1%']);
  });
});

describe('snippets', () => {
  it('turns snippet() marks into parts, without HTML', () => {
    expect(partsFromMarked('…la \u0002facture\u0003 de <b>mars</b>')).toEqual([
      { text: '…la ', match: false },
      { text: 'facture', match: true },
      { text: ' de <b>mars</b>', match: false },
    ]);
  });

  it('cuts a window of a message around the first word found, words highlighted as written', () => {
    const text = `${'début '.repeat(40)}Mon numéro de suivi est TRK00001234, merci. ${'fin '.repeat(80)}`;
    const parts = textSnippet(text, [['trk00001234'], ['merci']]);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['TRK00001234', 'merci']);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined.length).toBeLessThan(260);
  });

  it('shows the start of a short message whole', () => {
    expect(textSnippet('Bonjour, voici mon RIB.', [['rib']])).toEqual([
      { text: 'Bonjour, voici mon ', match: false },
      { text: 'RIB', match: true },
      { text: '.', match: false },
    ]);
  });
});
