/**
 * What the agent typed, turned into a query nobody can inject into: FTS5's own syntax (quotes,
 * `*`, `NEAR`, `AND`/`OR`/`NOT`, `-`, parentheses, `col:` filters, `^`) never reaches MATCH. Only
 * letters and digits are kept; each typed word becomes a quoted phrase of its pieces (so `l'adresse`
 * or `CMD-784512` still match as written), and the last word is a prefix while it is being typed.
 */
export interface SearchTerms {
  /** The FTS5 MATCH expression: every word must be found (implicit AND). */
  match: string;
  /** Each word's pieces, for the message search and for highlighting. */
  words: string[][];
}

/** Enough for any real search; bounds the work one query can ask for. */
const maxWords = 12;
/**
 * cases_fts has no prefix index: a prefix of one or two letters would merge the lists of thousands
 * of terms, so short last words are matched whole.
 */
const minPrefixLength = 3;

const piecesOf = (word: string) => word.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/** Null when nothing searchable is left (only punctuation, say). */
export function parseSearchText(text: string): SearchTerms | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/)
    .map(piecesOf)
    .filter((pieces) => pieces.length > 0)
    .slice(0, maxWords);
  if (words.length === 0) return null;
  const phrases = words.map((pieces, i) => {
    const phrase = `"${pieces.join(' ')}"`;
    const last = pieces.at(-1) as string;
    return i === words.length - 1 && [...last].length >= minPrefixLength ? `${phrase}*` : phrase;
  });
  return { match: phrases.join(' '), words };
}

/**
 * One LIKE pattern per word for the text of messages (which no FTS index covers): its pieces in
 * order, anything between. Pieces are letters and digits only, so `%`, `_` and `\` cannot occur.
 */
export function likePatterns(terms: SearchTerms): string[] {
  return terms.words.map((pieces) => `%${pieces.join('%')}%`);
}
