import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensurePrivateDir, privateFileMode } from './private-files';

export const attachmentsFolder = 'attachments';

/**
 * Attachments stored once per content under `<dataDir>/attachments/ab/abcdef…`. Writing goes to a
 * temp file then a rename, so a crash never leaves a half-written blob under its final name; the
 * write happens before any transaction refers to it (no I/O inside transactions).
 */
export interface BlobStore {
  put(content: Buffer): Promise<{ sha256: string; size: number; storagePath: string }>;
  /**
   * Moves a complete file written elsewhere in the data folder (an upload's temp file) under its
   * SHA-256, computed by the caller as the bytes came; removes it when the content is stored already.
   */
  adopt(file: string, sha256: string): Promise<void>;
  has(sha256: string): boolean;
  /** Path relative to the data folder, as stored in `attachments.storage_path`. */
  relativePath(sha256: string): string;
  absolutePath(sha256: string): string;
}

export function createBlobStore(dataDir: string): BlobStore {
  const relativePath = (sha256: string) => path.join(attachmentsFolder, sha256.slice(0, 2), sha256);
  const absolutePath = (sha256: string) => path.join(dataDir, relativePath(sha256));
  return {
    relativePath,
    absolutePath,
    has: (sha256) => /^[0-9a-f]{64}$/.test(sha256) && existsSync(absolutePath(sha256)),
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const target = absolutePath(sha256);
      if (!existsSync(target)) {
        ensurePrivateDir(path.dirname(target));
        const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(temp, content, { mode: privateFileMode });
        await rename(temp, target);
      }
      return { sha256, size: content.length, storagePath: relativePath(sha256) };
    },
    async adopt(file, sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
      const target = absolutePath(sha256);
      if (existsSync(target)) {
        await rm(file, { force: true });
        return;
      }
      ensurePrivateDir(path.dirname(target));
      await rename(file, target);
    },
  };
}
