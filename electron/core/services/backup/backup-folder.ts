import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupEntry } from '../../../../shared/domain/backup';
import { readManifest } from './backup-manifest';

const prefix = 'sauvegarde-';
/** A backup folder without manifest this old is one that was cut short, not one being written. */
const abandonedAfterMs = 24 * 60 * 60 * 1000;

/** `sauvegarde-2025-03-14T10-00-00Z`: sorts by time as text, valid on every file system. */
export const datedName = (namePrefix: string, at: Date) => `${namePrefix}${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;

export const createBackupFolder = (folder: string, at: Date) => createDatedFolder(folder, prefix, at);

/**
 * Creates a new dated folder (a backup, an export) in `folder`. `mkdir` without `recursive` fails if
 * the name exists, so two backups started in the same second (the daily one and « Sauvegarder
 * maintenant ») never share one.
 */
export async function createDatedFolder(folder: string, namePrefix: string, at: Date): Promise<{ name: string; dir: string }> {
  await mkdir(folder, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? datedName(namePrefix, at) : `${datedName(namePrefix, at)}-${attempt}`;
    const dir = path.join(folder, name);
    try {
      await mkdir(dir);
      return { name, dir };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 50) throw error;
    }
  }
}

/** The backups of a folder, newest first; a missing folder has none. */
export async function listBackups(folder: string): Promise<BackupEntry[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const backups = await Promise.all(
    entries.filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix)).map((entry) => describe(folder, entry.name)),
  );
  return backups.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

async function describe(folder: string, name: string): Promise<BackupEntry> {
  const dir = path.join(folder, name);
  const read = await readManifest(dir);
  if (read.status === 'complete') {
    const { manifest } = read;
    return { complete: true, name, createdAt: manifest.createdAt, sizeBytes: manifest.sizeBytes, appVersion: manifest.appVersion, counts: manifest.counts };
  }
  const { mtime } = await stat(dir);
  return { complete: false, name, modifiedAt: mtime.toISOString() };
}

/**
 * Keeps the `keep` newest complete backups and removes the older ones, and the folders of backups
 * cut short long ago. A folder without manifest that is recent may be a backup being written
 * (by the other process of the desktop app): it is left alone. Answers the names removed.
 */
export async function pruneBackups(folder: string, keep: number, now: Date): Promise<string[]> {
  const backups = await listBackups(folder);
  const complete = backups.filter((entry) => entry.complete);
  const removable = [
    ...complete.slice(keep),
    ...backups.filter((entry) => !entry.complete && now.getTime() - new Date(entry.modifiedAt).getTime() > abandonedAfterMs),
  ];
  for (const entry of removable) await rm(path.join(folder, entry.name), { recursive: true, force: true });
  return removable.map((entry) => entry.name);
}
