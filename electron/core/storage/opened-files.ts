import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyPrivateFile, ensurePrivateDir } from './private-files';

/**
 * Copies of the files an agent opens with the system's application: in `<dataDir>/opened/`, for the
 * user only, never in the shared temp folder where other accounts can list and read them. One fresh
 * folder per opening, so two files of the same name never meet. A copy must outlive the opening
 * (the application reads it later), so the folder is emptied at the next start instead.
 */
export interface OpenedFiles {
  /** The copy's path, under the file's own name (the system picks the application by extension). */
  copy(source: string, name: string): Promise<string>;
  /** Removes what the last session opened; a file still held by an application (Windows) stays. */
  clear(): void;
}

export function createOpenedFiles(dataDir: string): OpenedFiles {
  const root = path.join(dataDir, 'opened');
  return {
    async copy(source, name) {
      const folder = path.join(root, randomBytes(8).toString('hex'));
      ensurePrivateDir(folder);
      const target = path.join(folder, name);
      await copyPrivateFile(source, target);
      return target;
    },
    clear() {
      ensurePrivateDir(root);
      for (const entry of readdirSync(root)) {
        try {
          rmSync(path.join(root, entry), { recursive: true, force: true });
        } catch (error) {
          // EBUSY/EPERM on Windows while a viewer still has it open: it goes at a later start.
          if (!['EBUSY', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
        }
      }
    },
  };
}
