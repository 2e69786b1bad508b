import { createHash, randomBytes, type Hash } from 'node:crypto';
import { appendFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../../../shared/contract';
import {
  uploadChunkBytes,
  uploadMessages,
  type StagedAttachment,
  type UploadTicket,
} from '../../../../shared/domain/attachment';
import type { Clock } from '../../ports';
import type { BlobStore } from '../../storage/blob-store';
import { safeFileName } from '../../../../shared/domain/file-name';

/** An upload that received no piece for this long is dropped and its temp file removed. */
export const uploadIdleMs = 10 * 60 * 1000;
/** Uploads under way per agent: the screens send files one after another, a few tabs at most. */
export const maxOpenUploadsPerAgent = 8;

interface OpenUpload {
  readonly id: string;
  readonly agentId: number;
  readonly displayName: string;
  readonly mediaType: string;
  readonly size: number;
  /** The temp file in the data folder (same disk as the blobs: finishing is a rename). */
  readonly file: string;
  readonly hash: Hash;
  nextIndex: number;
  received: number;
  touchedAt: number;
  /** The pieces' writes, chained: each lands after the one before, whatever the calls' timing. */
  writing: Promise<void>;
}

export type ChunkedUploads = ReturnType<typeof createChunkedUploads>;

const refused = (message: string) => new AppFailure({ code: 'refused', message });

/**
 * Files reach the core in pieces, so that no call needs a large frame (issue 11). The pieces go to
 * a temp file under `<dataDir>/uploads/` and into a running SHA-256; finishing moves the file into
 * the content-addressed blob store. Expiry is checked at each upload call (the core runs no timers);
 * temp files an earlier run left behind are removed at the first upload.
 */
export function createChunkedUploads(deps: { blobs: BlobStore; dataDir: string; clock: Clock }) {
  const folder = path.join(deps.dataDir, 'uploads');
  const open = new Map<string, OpenUpload>();
  let folderReady: Promise<void> | null = null;

  function drop(upload: OpenUpload): void {
    open.delete(upload.id);
    void upload.writing
      .catch(() => undefined)
      .then(() => rm(upload.file, { force: true }))
      .catch(() => undefined);
  }

  function sweepExpired(): void {
    const now = deps.clock.now().getTime();
    for (const upload of [...open.values()]) {
      if (now - upload.touchedAt > uploadIdleMs) drop(upload);
    }
  }

  /** The agent's own upload, still alive; another agent's is as unknown as a made-up id. */
  function openUpload(uploadId: string, agentId: number): OpenUpload {
    sweepExpired();
    const upload = open.get(uploadId);
    if (!upload || upload.agentId !== agentId) throw refused(uploadMessages.unknown);
    return upload;
  }

  return {
    async start(input: { name: string; mediaType: string; size: number }, agentId: number): Promise<UploadTicket> {
      sweepExpired();
      const mine = [...open.values()].filter((upload) => upload.agentId === agentId).length;
      if (mine >= maxOpenUploadsPerAgent) {
        throw refused('Trop de fichiers en cours d’envoi : attendez la fin des envois commencés.');
      }
      const id = randomBytes(16).toString('hex');
      const file = path.join(folder, `${id}.part`);
      // Counted from now on, before any await: simultaneous starts cannot pass the limit together.
      open.set(id, {
        id,
        agentId,
        displayName: safeFileName(input.name),
        mediaType: input.mediaType,
        size: input.size,
        file,
        hash: createHash('sha256'),
        nextIndex: 0,
        received: 0,
        touchedAt: deps.clock.now().getTime(),
        writing: Promise.resolve(),
      });
      try {
        // Once, before the first file: the leftovers are files, this upload's is not written yet.
        folderReady ??= prepareFolder(folder).catch((error: unknown) => {
          folderReady = null;
          throw error;
        });
        await folderReady;
        await writeFile(file, '', { mode: 0o600, flag: 'wx' });
      } catch (error) {
        open.delete(id);
        throw error;
      }
      return { uploadId: id };
    },

    async chunk(input: { uploadId: string; index: number; dataBase64: string }, agentId: number): Promise<{ received: number }> {
      const upload = openUpload(input.uploadId, agentId);
      if (input.index !== upload.nextIndex) {
        throw refused(`Morceau de fichier n° ${input.index} reçu hors de son ordre (n° ${upload.nextIndex} attendu) : joignez le fichier de nouveau.`);
      }
      if (upload.received !== input.index * uploadChunkBytes) {
        throw refused('Seul le dernier morceau d’un fichier peut être plus court que les autres : joignez le fichier de nouveau.');
      }
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length > uploadChunkBytes) throw refused('Morceau de fichier trop grand.');
      if (upload.received + bytes.length > upload.size) {
        drop(upload);
        throw refused('Le fichier envoyé dépasse la taille annoncée : joignez-le de nouveau.');
      }
      // Counted before the write: the next piece is judged on what this one brings.
      upload.nextIndex += 1;
      upload.received += bytes.length;
      upload.touchedAt = deps.clock.now().getTime();
      upload.hash.update(bytes);
      upload.writing = upload.writing.then(() => appendFile(upload.file, bytes));
      try {
        await upload.writing;
      } catch (error) {
        drop(upload);
        throw error;
      }
      return { received: upload.received };
    },

    async finish(input: { uploadId: string; sha256?: string | undefined }, agentId: number): Promise<StagedAttachment> {
      const upload = openUpload(input.uploadId, agentId);
      // Taken out first: a piece arriving from now on is for an unknown upload.
      open.delete(upload.id);
      try {
        await upload.writing;
        if (upload.received !== upload.size) {
          throw refused(`Le fichier est incomplet (${upload.received} octets reçus sur ${upload.size}) : joignez-le de nouveau.`);
        }
        const sha256 = upload.hash.digest('hex');
        if (input.sha256 !== undefined && input.sha256 !== sha256) {
          throw refused('Le fichier reçu diffère du fichier envoyé : joignez-le de nouveau.');
        }
        await deps.blobs.adopt(upload.file, sha256);
        return { sha256, size: upload.size, mediaType: upload.mediaType, displayName: upload.displayName };
      } finally {
        await rm(upload.file, { force: true });
      }
    },
  };
}

/**
 * The temp folder, owner-only; `.part` files an earlier run left (a crash, a quit mid-upload) are
 * removed once idle for longer than an upload may be. Their age is read from the file system, so it
 * is measured against the wall clock; the mail process's core shares the folder but never uploads.
 */
async function prepareFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  for (const name of await readdir(folder)) {
    const file = path.join(folder, name);
    if (!name.endsWith('.part')) continue;
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > uploadIdleMs) await rm(file, { force: true });
  }
}
