import { sanitizeReplyHtml } from '../../mail/html-sanitizer';
import { textToHtml } from '../templates/html-text';

/**
 * Signatures and templates end up in replies sent to contacts: they keep what a reply may carry
 * (one policy for everything that leaves the centre, see mail/html-sanitizer.ts).
 */

/** A formatting tag: `Camille <camille@centre.fr>` is text, `<p>Camille</p>` is HTML. */
const formattingTag = /<\/?(p|br|div|span|b|strong|i|em|u|s|a|img|ul|ol|li|table|h[1-6]|blockquote|pre|code)\b[^>]*>/i;

/** Signatures may be typed as plain text: then lines become paragraphs, escaped. */
export function richTextOrPlain(input: string): string {
  if (!input.trim()) return '';
  return formattingTag.test(input) ? sanitizeReplyHtml(input) : textToHtml(input);
}
