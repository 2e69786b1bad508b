import type { Attachment } from 'mailparser';
import type { BlobStore } from '../../storage/blob-store';
import { safeFileName } from '../../../../shared/domain/file-name';
import type { IncomingAttachment } from '../incoming-mail';

const extensions: Record<string, string> = {
  'message/rfc822': 'eml',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** A name for a part that has none: inline images and forwarded messages usually do not. */
function fallbackName(mediaType: string, position: number): string {
  const base = mediaType === 'message/rfc822' ? 'message' : mediaType.startsWith('image/') ? 'image' : 'piece-jointe';
  return `${base}-${position}.${extensions[mediaType] ?? 'bin'}`;
}

/**
 * Bidi controls (embeddings, overrides, isolates, marks) and control characters go from a sender's
 * file name before anything else: `facture\u202Efdp.exe` shows as «facture exe.pdf» but is an
 * `.exe`. What is left is the name that is shown, saved, opened and judged dangerous or not.
 */
const invisibleControls = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const withoutControls = (name: string) => name.replace(invisibleControls, '');

/**
 * Writes every part to the blob store (content-addressed, so a logo sent a thousand times is
 * stored once) and describes it. The display name comes from the part (RFC 2231 and encoded
 * words already decoded by mailparser) through `safeFileName`: `../x` and `CON.txt` never reach
 * a save dialog as they are. A nested message/rfc822 stays one attachment, openable as `.eml`.
 */
export async function storeAttachments(parts: Attachment[], blobs: BlobStore): Promise<IncomingAttachment[]> {
  const stored: IncomingAttachment[] = [];
  for (const [index, part] of parts.entries()) {
    const mediaType = (part.contentType || 'application/octet-stream').toLowerCase();
    const { sha256, size } = await blobs.put(part.content);
    const fallback = fallbackName(mediaType, index + 1);
    const displayName = safeFileName(withoutControls(part.filename ?? fallback), fallback);
    // `cid` is the Content-ID without its angle brackets: what `src="cid:…"` in the HTML names.
    stored.push(part.cid ? { sha256, size, mediaType, displayName, contentId: part.cid } : { sha256, size, mediaType, displayName });
  }
  return stored;
}
