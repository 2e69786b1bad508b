import { htmlToText } from '../../services/templates/html-text';
import type { IncomingMail } from '../incoming-mail';

/**
 * The words of a message: its plain part when the sender wrote one, else the text of its HTML
 * (many clients send an empty or missing text/plain alternative beside the HTML).
 */
export function bodyText({ text, html }: Pick<IncomingMail, 'text' | 'html'>): string {
  if (text?.trim()) return text.trim();
  return html ? htmlToText(html) : '';
}
