import type { AttachmentFile } from '../../../../shared/domain/attachment';

/**
 * Saves a file the core gave as base64, the way a browser saves any download (Electron asks where,
 * a browser tab uses its download folder). The object URL lives only for the click.
 */
export function saveFile(file: AttachmentFile): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Chromium reads the blob asynchronously once the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
