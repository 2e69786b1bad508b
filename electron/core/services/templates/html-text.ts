import { convert, type HtmlToTextOptions } from 'html-to-text';

/**
 * Small conversions between text and HTML that the core needs without a DOM. Output is built from
 * escaped pieces, never by filtering markup in place.
 */

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text to HTML paragraphs: a blank line separates paragraphs, a newline breaks a line. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const textOptions: HtmlToTextOptions = {
  // Mail clients wrap for display; a hard wrap would break addresses and the full-text index.
  wordwrap: false,
  // html-to-text walks the tree recursively: past this depth (no real mail nests so deep) the rest
  // is cut rather than running out of stack on hostile markup.
  limits: { maxDepth: 200 },
  selectors: [
    // A link keeps its address beside its words (the plain part is all some contacts see), unless
    // the words are the address already.
    { selector: 'a', options: { hideLinkIfSameAsText: true, noAnchorUrl: true } },
    { selector: 'img', format: 'skip' },
    // Headings stay as written: upper-casing them would change what the agent typed.
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', options: { uppercaseHeaderCells: false } },
  ],
};

/**
 * The text of an HTML body: the plain part of every reply we send and the words the full-text index
 * keeps. html-to-text (mailparser's own converter) keeps link addresses, list numbers and quotes.
 */
export function htmlToText(html: string): string {
  return convert(html, textOptions).replace(/\u00a0/g, ' ').trim();
}
