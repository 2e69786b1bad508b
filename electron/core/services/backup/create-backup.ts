import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../../../shared/contract';
import type { BackupEntry } from '../../../../shared/domain/backup';
import type { Database } from '../../db/database';
import type { AppLogger } from '../../logging/logger';
import type { Clock } from '../../ports';
import { databaseFileName, writeFileList, writeManifest, type FileEntry, type Manifest } from './backup-manifest';
import { createBackupFolder } from './backup-folder';
import type { ReportProgress } from './backup-jobs';
import { refused } from './backup-refusals';
import { blobHashOf, listBlobs } from './blob-files';
import { sealSnapshot, snapshotDatabase } from './database-snapshot';
import { copyHashed, hashFile } from './file-hash';

/** What a backup reads: the live centre. */
export interface BackupSource {
  db: Database;
  dataDir: string;
  clock: Clock;
  log: AppLogger;
  /** The app's version, written in the manifest. */
  version: string;
}

export type CompleteBackup = Extract<BackupEntry, { complete: true }>;


/**
 * One backup into `folder`: the database through SQLite's online backup API, then the attachments,
 * then the manifest, last. Blobs are immutable and written before any transaction refers to them,
 * so every blob the database copy refers to is on disk once the copy is taken: those listed after it
 * are enough. A backup that fails leaves no folder behind.
 */
export async function createBackup(source: BackupSource, folder: string, report: ReportProgress): Promise<CompleteBackup> {
  refuseInsideData(source.dataDir, folder);
  const createdAt = source.clock.now();
  const { name, dir } = await createBackupFolder(folder, createdAt).catch((error: unknown) => {
    throw refused(`Le dossier des sauvegardes « ${folder} » n’est pas accessible en écriture (${describeFsError(error)}).`);
  });
  try {
    const manifest = await writeBackup(source, dir, createdAt, report);
    return { complete: true, name, createdAt: manifest.createdAt, sizeBytes: manifest.sizeBytes, appVersion: manifest.appVersion, counts: manifest.counts };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof AppFailure) throw error;
    source.log.error('backup failed', error, { folder });
    throw refused(`La sauvegarde n’a pas pu être écrite dans « ${folder} » (${describeFsError(error)}) : rien n’a été gardé de cet essai.`);
  }
}

async function writeBackup(source: BackupSource, dir: string, createdAt: Date, report: ReportProgress): Promise<Manifest> {
  const databaseCopy = path.join(dir, databaseFileName);
  await snapshotDatabase(source.db.sqlite, databaseCopy, (done, total) => report('database', done, total));
  const facts = sealSnapshot(databaseCopy);
  const blobs = await listBlobs(source.dataDir);
  warnMissing(source.log, facts.referencedBlobs, blobs);
  const copied: FileEntry[] = [];
  for (const [index, blob] of blobs.entries()) {
    report('files', index, blobs.length);
    const digest = await copyHashed(path.join(source.dataDir, blob), path.join(dir, blob));
    // Named by its content: a different hash means the live file itself is damaged.
    if (digest.sha256 !== blobHashOf(blob)) source.log.warn('attachment file damaged in the data folder', undefined, { file: blob });
    copied.push({ path: blob, ...digest });
  }
  report('files', blobs.length, blobs.length);
  const database = { path: databaseFileName, ...(await hashFile(databaseCopy)) } as const;
  const manifest: Manifest = {
    format: 'unified-desktop-backup',
    formatVersion: 1,
    createdAt: createdAt.toISOString(),
    appVersion: source.version,
    schema: { migrations: facts.migrations },
    counts: facts.counts,
    sizeBytes: copied.reduce((total, blob) => total + blob.size, database.size),
    database,
    files: await writeFileList(dir, copied),
  };
  await writeManifest(dir, manifest);
  return manifest;
}

/** A backup beside the data it saves dies with the same disk, and would be copied into itself. */
function refuseInsideData(dataDir: string, folder: string): void {
  const relative = path.relative(path.resolve(dataDir), path.resolve(folder));
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw refused('Choisissez un dossier de sauvegarde en dehors du dossier des données du centre (idéalement sur un autre disque).');
  }
}

function warnMissing(log: AppLogger, referenced: Set<string>, present: string[]): void {
  const onDisk = new Set(present);
  const missing = [...referenced].filter((file) => !onDisk.has(file));
  if (missing.length) log.warn('files the database refers to are missing from the data folder', undefined, { count: missing.length, first: missing[0] });
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    EACCES: 'accès refusé',
    EPERM: 'accès refusé',
    ENOSPC: 'disque plein',
    EROFS: 'disque en lecture seule',
    ENOTDIR: 'un fichier porte déjà ce nom',
    ENOENT: 'dossier introuvable',
  };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}
