import {
  attachmentTooLarge,
  maxAttachmentBytes,
  uploadChunkBytes,
  type StagedAttachment,
} from '../domain/attachment';
import type { Api } from './client';
import { ApiError } from './errors';

/** A file to upload, read piece by piece: a browser `File` need not be held whole in memory. */
export interface UploadSource {
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  /** Bytes `start` (included) to `end` (excluded). */
  read(start: number, end: number): Promise<Uint8Array>;
  /** When the caller knows it: the core then checks it received exactly this file. */
  readonly sha256?: string;
}

/** Bytes received by the core so far, of `size`: what a progress indicator shows. */
export type UploadProgress = (received: number, size: number) => void;

/**
 * The one way a file reaches the core, for the renderer and the tests alike: `uploadStart`, the
 * pieces of `uploadChunkBytes` in order, then `uploadFinish`. A file over 25 Mo is refused here
 * first, with the core's own message, before any byte travels.
 */
export async function uploadFile(
  api: Pick<Api, 'attachments'>,
  source: UploadSource,
  onProgress?: UploadProgress,
): Promise<StagedAttachment> {
  if (source.size > maxAttachmentBytes) {
    throw new ApiError({ code: 'validation', message: attachmentTooLarge, fields: { size: attachmentTooLarge } });
  }
  const { size } = source;
  const { uploadId } = await api.attachments.uploadStart({ name: source.name, mediaType: source.mediaType, size });
  for (let index = 0; index * uploadChunkBytes < size; index += 1) {
    const start = index * uploadChunkBytes;
    const bytes = await source.read(start, Math.min(size, start + uploadChunkBytes));
    const { received } = await api.attachments.uploadChunk({ uploadId, index, dataBase64: toBase64(bytes) });
    onProgress?.(received, size);
  }
  return api.attachments.uploadFinish({ uploadId, ...(source.sha256 ? { sha256: source.sha256 } : {}) });
}

/** A file already in memory. */
export function bytesSource(name: string, mediaType: string, bytes: Uint8Array, sha256?: string): UploadSource {
  return {
    name,
    mediaType,
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, end),
    ...(sha256 ? { sha256 } : {}),
  };
}

/** `btoa` exists in every runtime of `shared/` (browsers, Node, the preload); it takes a binary string. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Spread in slices: one call with half a million arguments would overflow the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}
