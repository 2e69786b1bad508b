import type { SnippetPart } from '../../../shared/domain/desk-search';

/** Marks FTS5's snippet() puts around matches: control characters no mail text carries. */
export const matchOpen = '\u0002';
export const matchClose = '\u0003';

/** snippet()'s marked text as parts, so that no HTML has to cross to the renderer. */
export function partsFromMarked(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(matchOpen).entries()) {
    const [inside, after] = i === 0 ? [null, piece] : splitOnce(piece, matchClose);
    if (inside) parts.push({ text: inside, match: true });
    if (after) parts.push({ text: after, match: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

const before = 60;
const after = 140;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A window of a message's text around the first word found, the words highlighted: what snippet()
 * would give if messages had an FTS index (they have none yet: see case-search-messages.ts).
 */
export function textSnippet(text: string, words: string[][]): SnippetPart[] {
  const found = wordsPattern(words);
  const match = found.exec(text);
  const first = match?.index ?? 0;
  const matchEnd = first + (match?.[0].length ?? 0);
  const start = Math.min(first, wordStart(text, Math.max(0, first - before)));
  const end = Math.max(matchEnd, wordEnd(text, Math.min(text.length, first + after)));
  const excerpt = text.slice(start, end).replace(/\s+/g, ' ');
  const marked = excerpt.replace(found, (hit) => `${matchOpen}${hit}${matchClose}`);
  return partsFromMarked(`${start > 0 ? '…' : ''}${marked}${end < text.length ? '…' : ''}`);
}

/**
 * Each word where a word starts, its pieces apart by anything but letters and digits (`TPE-4471-B`
 * is one match), the end left open as the last word of a search is a prefix.
 */
function wordsPattern(words: string[][]): RegExp {
  const alternatives = words
    .map((pieces) => pieces.map(escapeRegExp).join('[^\\p{L}\\p{N}]+'))
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
}

/** Cut between words, never inside one. */
function wordStart(text: string, at: number): number {
  if (at === 0) return 0;
  const space = text.indexOf(' ', at);
  return space < 0 ? at : space + 1;
}

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.lastIndexOf(' ', at);
  return space <= 0 ? at : space;
}
