import sanitizeHtml from 'sanitize-html';
import { htmlToText } from '../services/templates/html-text';

/**
 * Rich text that leaves the centre (replies) or is shown from a mail (the thread): the formatting
 * Quill produces, nothing that runs, calls home or submits. The renderer adds DOMPurify inside a
 * sandboxed frame; this is the core's own guarantee, since a reply is sent as the core stored it.
 */

const colour = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.]+%?\s*(,\s*[\d.]+%?\s*){2,3}\)$/i, /^[a-z]{3,20}$/i];
const fontSize = [/^\d{1,3}(\.\d{1,2})?(px|pt|em|rem|%)$/, /^(x{0,2}-)?(small|medium|large)$/];

/** Only these image sources: inline parts of the message itself, never a URL fetched on opening. */
const inlineImageSource = /^(cid:\S+|data:image\/(png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+)$/i;
/**
 * A remote image of a displayed mail. Kept so the agent can choose to show it: the renderer's frame
 * swaps it for a placeholder and its CSP refuses it until "Afficher les images" on that message.
 */
const remoteImageSource = /^https?:\/\/\S+$/i;

const replyTags = [
  'p', 'br', 'strong', 'em', 'u', 's', 'span', 'ol', 'ul', 'li', 'a', 'img', 'blockquote',
  'h1', 'h2', 'h3', 'pre', 'code',
];
/** Incoming mail is laid out with tables and divs; showing them loses nothing that could run. */
const displayTags = [...replyTags, 'div', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'b', 'i', 'hr'];

const options = (allowedTags: string[], keepRemoteImages: boolean): sanitizeHtml.IOptions => ({
  allowedTags,
  allowedAttributes: {
    span: ['style'],
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedStyles: { span: { color: colour, 'background-color': colour, 'font-size': fontSize } },
  allowedSchemes: [],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: keepRemoteImages ? ['cid', 'data', 'http', 'https'] : ['cid', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  // `//evil.example/x.png` would be fetched over the page's scheme.
  allowProtocolRelative: false,
  // Their text is code or metadata, never words to keep when the tag goes.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'embed', 'template', 'select', 'svg', 'math'],
  transformTags: {
    // Links open outside the app and tell the target nothing about us.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' } }),
  },
  // An image whose source was refused (remote, data of another type) is dropped whole.
  exclusiveFilter: (frame) => frame.tag === 'img' && !isKeptImage(frame.attribs.src ?? '', keepRemoteImages),
});

const isKeptImage = (src: string, keepRemoteImages: boolean) =>
  inlineImageSource.test(src) || (keepRemoteImages && remoteImageSource.test(src));

// What leaves the centre never refers to a remote image; what is shown may, blocked until allowed.
const replyOptions = options(replyTags, false);
const displayOptions = options(displayTags, true);

/** A reply's body, a signature, a quoted message: what may be sent to a contact. */
export function sanitizeReplyHtml(html: string): string {
  return sanitizeHtml(html, replyOptions);
}

/** A message of the thread as the case screen shows it. */
export function sanitizeDisplayHtml(html: string): string {
  return sanitizeHtml(html, displayOptions);
}

/**
 * Whether sanitised HTML says anything: an empty editor still sends `<p><br></p>`, and the case
 * machine must see that as "no reply".
 */
export function hasVisibleContent(safeHtml: string): boolean {
  return /<img\b/i.test(safeHtml) || htmlToText(safeHtml).replace(/\u00a0/g, ' ').trim() !== '';
}
