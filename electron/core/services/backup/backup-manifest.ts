import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { dataCountsSchema } from '../../../../shared/domain/backup';
import { isBlobPath } from './blob-files';
import { damaged, incomplete } from './backup-refusals';
import { hashFile } from './file-hash';

export const manifestFileName = 'manifest.json';
export const databaseFileName = 'unified.sqlite';
/** The digest of every attachment, apart: the manifest stays small to list, whatever the attachments. */
export const fileListName = 'fichiers.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const fileEntry = z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256 });
export type FileEntry = z.infer<typeof fileEntry>;

const blobList = z.array(fileEntry.refine((entry) => isBlobPath(entry.path), { error: 'chemin de fichier inattendu' }));

/**
 * The last file of a backup: what it holds and the SHA-256 of the database and of the list of
 * attachments (which has the SHA-256 of each), so that a restore tells a damaged or tampered copy;
 * a backup cut short (no manifest) is never taken for one.
 */
export const manifestSchema = z.object({
  format: z.literal('unified-desktop-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  /** drizzle's migrations applied to the database: a newer app can restore it, an older one cannot. */
  schema: z.object({ migrations: z.number().int().nonnegative() }),
  counts: dataCountsSchema,
  /** The database and the attachments, in bytes. */
  sizeBytes: z.number().int().nonnegative(),
  database: fileEntry.extend({ path: z.literal(databaseFileName) }),
  files: fileEntry.extend({ path: z.literal(fileListName), count: z.number().int().nonnegative() }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Written under a temporary name, then renamed: a manifest is whole or absent. */
export async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  const file = path.join(folder, manifestFileName);
  await writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

/** Writes the attachments' list; answers its entry for the manifest. */
export async function writeFileList(folder: string, blobs: FileEntry[]): Promise<Manifest['files']> {
  const file = path.join(folder, fileListName);
  await writeFile(file, `${JSON.stringify(blobs)}\n`, { mode: 0o600 });
  return { path: fileListName, count: blobs.length, ...(await hashFile(file)) };
}

/** Every file a backup holds, database first, once the attachments' list matched the manifest. */
export async function backupFiles(folder: string, manifest: Manifest): Promise<FileEntry[]> {
  const file = path.join(folder, fileListName);
  const text = await readFile(file).catch(() => {
    throw incomplete(fileListName);
  });
  const digest = createHash('sha256').update(text).digest('hex');
  if (digest !== manifest.files.sha256 || text.length !== manifest.files.size) throw damaged(fileListName);
  const blobs = blobList.safeParse(parseJson(text.toString('utf8')));
  if (!blobs.success || blobs.data.length !== manifest.files.count) throw damaged(fileListName);
  return [manifest.database, ...blobs.data];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type ManifestRead = { status: 'complete'; manifest: Manifest } | { status: 'missing' } | { status: 'unreadable' };

export async function readManifest(folder: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(path.join(folder, manifestFileName), 'utf8');
  } catch {
    return { status: 'missing' };
  }
  const parsed = manifestSchema.safeParse(parseJson(text));
  return parsed.success ? { status: 'complete', manifest: parsed.data } : { status: 'unreadable' };
}
