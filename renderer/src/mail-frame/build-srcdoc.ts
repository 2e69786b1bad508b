import DOMPurify from 'dompurify';
import { blockRemoteImages } from './remote-images';

/**
 * The Content-Security-Policy of a mail frame. A `srcdoc` frame inherits the app's policy (whose
 * `img-src` admits http(s) for this reason only) and its own `<meta>` policy applies on top: a
 * document can only narrow what it inherits. So the frame refuses remote images by itself until the
 * agent asks for them on that message, without a second document or a proxy in the core.
 */
export function mailFramePolicy(allowRemoteImages: boolean): string {
  const images = allowRemoteImages ? 'data: cid: http: https:' : 'data: cid:';
  return `default-src 'none'; style-src 'unsafe-inline'; img-src ${images}; form-action 'none'; base-uri 'none'`;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SanitizedMail {
  html: string;
  /** Remote images the mail refers to: swapped for a placeholder unless allowed. */
  remoteImages: number;
}

/**
 * DOMPurify with everything active removed: scripts and handlers (its defaults), plus forms, meta
 * refresh, frames and `style` blocks that could fetch fonts or backgrounds. The core sanitises too;
 * this frame does not rely on it (defence in depth, as Mailspring and Tutanota do).
 */
export function sanitizeMail(html: string, allowRemoteImages = false): SanitizedMail {
  const purify = DOMPurify();
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    // Inline styles may hold url(http://…): the CSP blocks the fetch, but the rest of the style stays.
    if (data.attrName === 'style' && /url\s*\(/i.test(data.attrValue)) {
      data.attrValue = data.attrValue.replace(/url\s*\([^)]*\)/gi, 'none');
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links open nowhere from inside the frame (no allow-popups): keep them readable, not clickable.
    if (node.tagName === 'A') {
      node.removeAttribute('target');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const remote = blockRemoteImages(purify, allowRemoteImages);
  const clean = purify.sanitize(html, {
    FORBID_TAGS: ['style', 'meta', 'link', 'base', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['srcset', 'background', 'action', 'formaction', 'ping'],
    ALLOW_DATA_ATTR: false,
  });
  return { html: clean, remoteImages: remote.count() };
}

/** The whole document of a sandboxed mail frame: policy first, then the sanitised body. */
export function buildMailSrcdoc(html: string, allowRemoteImages: boolean): string {
  const { html: body } = sanitizeMail(html, allowRemoteImages);
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(mailFramePolicy(allowRemoteImages))}">`,
    '<style>body{margin:0;padding:8px;font:14px/1.5 system-ui,sans-serif;color:#1f2933;word-wrap:break-word}img{max-width:100%;height:auto}</style>',
    `</head><body>${body}</body></html>`,
  ].join('');
}
