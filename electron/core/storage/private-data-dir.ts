import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, privateDirMode, tightenIfExists } from './private-files';
import { attachmentsFolder } from './blob-store';

/**
 * The data folder for the user only, created so or tightened at each start: versions before 0700
 * left it, its attachments and the database readable by every account of the workstation. The
 * folder's own mode is what guards its contents (no other account can enter it); its subfolders
 * are narrowed too, so that a folder moved out of it stays private. The database narrows its own
 * files (`openDatabase`).
 */
export function ensurePrivateDataDir(dataDir: string): void {
  ensurePrivateDir(dataDir);
  const attachments = path.join(dataDir, attachmentsFolder);
  for (const folder of [attachments, ...shardsOf(attachments), path.join(dataDir, 'outbox')]) tightenIfExists(folder, privateDirMode);
}

/** The blob store's `ab/` folders (at most 256). */
function shardsOf(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(folder, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
