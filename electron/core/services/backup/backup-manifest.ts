import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { dataCountsSchema } from '../../../../shared/domain/backup';
import { isBlobPath } from './blob-files';

export const manifestFileName = 'manifest.json';
export const databaseFileName = 'unified.sqlite';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const fileEntry = z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256 });

/**
 * The last file of a backup: what it holds and the SHA-256 of every file, so that a restore can
 * tell a damaged or tampered copy, and a backup cut short (no manifest) is never taken for one.
 */
export const manifestSchema = z.object({
  format: z.literal('unified-desktop-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  /** drizzle's migrations applied to the database: a newer app can restore it, an older one cannot. */
  schema: z.object({ migrations: z.number().int().nonnegative() }),
  counts: dataCountsSchema,
  database: fileEntry.extend({ path: z.literal(databaseFileName) }),
  blobs: z.array(fileEntry.refine((entry) => isBlobPath(entry.path), { error: 'chemin de fichier inattendu' })),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const manifestSize = (manifest: Manifest) =>
  manifest.database.size + manifest.blobs.reduce((total, blob) => total + blob.size, 0);

/** Written under a temporary name, then renamed: a manifest is whole or absent. */
export async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  const file = path.join(folder, manifestFileName);
  await writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

export type ManifestRead = { status: 'complete'; manifest: Manifest } | { status: 'missing' } | { status: 'unreadable' };

export async function readManifest(folder: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(path.join(folder, manifestFileName), 'utf8');
  } catch {
    return { status: 'missing' };
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? { status: 'complete', manifest: parsed.data } : { status: 'unreadable' };
  } catch {
    return { status: 'unreadable' };
  }
}
