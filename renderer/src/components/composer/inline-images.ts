import { contentIdsOf, withInlineParts } from '../../mail-frame/inline-parts';

/**
 * Inline images of the replies being written. The reply's HTML refers to them as `cid:` parts, as
 * the outbox sends them (`compose-message.ts`); the editor and the preview show them from the
 * `data:` URL kept here, since both the app's and the mail frame's policies allow `data:` images
 * and nothing fetched. Only the renderer's copy: the core has the file, under its SHA-256.
 */
const urls = new Map<string, string>();

/** One Content-ID per content: the same picture inserted twice is one part of the message. */
export function contentIdFor(sha256: string): string {
  return `${sha256.slice(0, 32)}@unified`;
}

export function rememberImage(contentId: string, dataUrl: string): void {
  urls.set(contentId, dataUrl);
}

export function imageUrl(contentId: string): string | undefined {
  return urls.get(contentId);
}

export function hasImage(contentId: string): boolean {
  return urls.has(contentId);
}

/** The Content-IDs a body refers to: an image deleted from the text no longer goes out. */
export const referencedContentIds = contentIdsOf;

/** The body with each known `cid:` image shown from its `data:` URL, for a mail frame. */
export function withImageUrls(html: string): string {
  return withInlineParts(html, imageUrl);
}
