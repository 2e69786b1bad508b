import type { StagedAttachment } from '../../shared/domain/attachment';
import { uploadFile, type UploadProgress, type UploadSource } from '../../shared/contract/upload-file';
import { api, toApiError } from './api';

/**
 * A file the agent chose, sent to the core in pieces (`attachments.uploadStart` … `uploadFinish`):
 * each piece is read from the file when its turn comes, so a 25 Mo file is never held whole.
 * Rejects with an ApiError, whatever failed.
 */
export async function uploadChosenFile(file: File, onProgress?: UploadProgress): Promise<StagedAttachment> {
  try {
    return await uploadFile(api, fileSource(file), onProgress);
  } catch (cause) {
    throw toApiError(cause);
  }
}

function fileSource(file: File): UploadSource {
  return {
    name: file.name || 'fichier',
    mediaType: file.type || 'application/octet-stream',
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
  };
}

/** Whole percent of a file sent, for the status line of a picker. */
export const percentSent = (received: number, size: number): number => (size === 0 ? 100 : Math.floor((received / size) * 100));
