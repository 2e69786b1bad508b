import path from 'node:path';
import { backupFiles, readManifest, type FileEntry, type Manifest } from './backup-manifest';
import type { ReportProgress } from './backup-jobs';
import { damaged, incomplete, refused } from './backup-refusals';
import { hashFile, type FileDigest } from './file-hash';

/** The manifest of a backup folder, or the French reason why this folder cannot be restored. */
export async function requireManifest(dir: string): Promise<Manifest> {
  const read = await readManifest(dir);
  if (read.status === 'missing') {
    throw refused(`« ${dir} » n’est pas une sauvegarde complète : son manifeste (manifest.json) manque. Une sauvegarde interrompue n’est jamais restaurée.`);
  }
  if (read.status === 'unreadable') throw refused(`Le manifeste de la sauvegarde « ${dir} » est illisible : cette sauvegarde ne peut pas être restaurée.`);
  return read.manifest;
}

/** Throws `damaged` unless the bytes read are the ones the manifest describes. */
export function checkDigest(expected: FileEntry, actual: FileDigest): void {
  if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) throw damaged(expected.path);
}

/** Reads every file of a backup against its manifest; answers the manifest when all match. */
export async function verifyBackup(dir: string, report: ReportProgress): Promise<Manifest> {
  const manifest = await requireManifest(dir);
  const files = await backupFiles(dir, manifest);
  for (const [index, file] of files.entries()) {
    report('files', index, files.length);
    const digest = await hashFile(path.join(dir, file.path)).catch(() => {
      throw incomplete(file.path);
    });
    checkDigest(file, digest);
  }
  report('files', files.length, files.length);
  return manifest;
}
