import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { attachments, messages, quarantine } from '../../db/schema';
import type { QuarantineDeps } from './quarantine-deps';
import { loadWaiting, sourceFile } from './quarantine-rows';

/**
 * Removes a message from the quarantine, and its source from the data folder unless something else
 * still refers to the same file (storage is content-addressed: a case may hold the very same
 * bytes). The row goes in a transaction; the file after it commits (no I/O inside, and a crash in
 * between leaves an unused file, never a row without its source).
 */
export async function deleteQuarantined(deps: QuarantineDeps, id: number): Promise<void> {
  const { db } = deps;
  const remove = db.sqlite.transaction(() => {
    const row = loadWaiting(db, id);
    db.orm.delete(quarantine).where(eq(quarantine.id, row.id)).run();
    const path = row.rawPath;
    const used =
      db.orm.select({ id: quarantine.id }).from(quarantine).where(eq(quarantine.rawPath, path)).get() ??
      db.orm.select({ id: messages.id }).from(messages).where(eq(messages.rawPath, path)).get() ??
      // By hash: attachments are indexed on it, and their file is named after it.
      db.orm.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, basename(path))).get();
    return used ? null : row;
  });
  const unused = remove.immediate();
  if (unused) await rm(sourceFile(deps.dataDir, unused), { force: true });
}
