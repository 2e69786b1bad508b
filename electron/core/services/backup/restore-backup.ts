import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppFailure } from '../../../../shared/contract';
import type { DataCounts } from '../../../../shared/domain/backup';
import type { ReportProgress } from './backup-jobs';
import { backupFiles, databaseFileName, type Manifest } from './backup-manifest';
import { incomplete, refused } from './backup-refusals';
import { describeFsError } from './create-backup';
import { copyHashed } from './file-hash';
import { checkDigest, requireManifest } from './verify-backup';

export interface RestoreRequest {
  /** The backup's own folder, the one that holds manifest.json. */
  backupDir: string;
  /** The data folder to fill: empty, or not there yet. */
  dataDir: string;
  /** Migrations this app knows: a backup made by a newer version is refused. */
  knownMigrations: number;
}

/**
 * Restores a backup into an empty data folder, for a new installation or a new machine. Every file
 * is checked against the manifest as it is copied (one read each); on any problem, whatever was
 * written is removed, so the folder is left as it was found. The app then opens the folder as usual
 * (migrations bring an older backup up to date).
 */
export async function restoreBackup(request: RestoreRequest, report: ReportProgress): Promise<DataCounts> {
  const { backupDir, dataDir } = request;
  const existed = await refuseNonEmpty(dataDir);
  const manifest = await requireManifest(backupDir);
  refuseNewer(manifest, request.knownMigrations);
  try {
    await mkdir(dataDir, { recursive: true });
    await copyAll(manifest, backupDir, dataDir, report);
    checkDatabase(path.join(dataDir, databaseFileName));
    return manifest.counts;
  } catch (error) {
    await undo(dataDir, existed);
    if (error instanceof AppFailure) throw error;
    throw refused(`La restauration dans « ${dataDir} » a échoué (${describeFsError(error)}) : rien n’a été gardé.`);
  }
}

/** Answers whether the folder existed (empty); refuses one that holds anything. */
async function refuseNonEmpty(dataDir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw refused(`Le dossier « ${dataDir} » n’est pas lisible (${describeFsError(error)}).`);
  }
  if (entries.length > 0) {
    throw refused(
      `Le dossier « ${dataDir} » n’est pas vide : une restauration ne remplace jamais des données existantes. Choisissez un dossier vide ou qui n’existe pas encore.`,
    );
  }
  return true;
}

function refuseNewer(manifest: Manifest, knownMigrations: number): void {
  if (manifest.schema.migrations > knownMigrations) {
    throw refused(
      `Cette sauvegarde vient d’une version plus récente de l’application (${manifest.appVersion}) : installez cette version ou une plus récente, puis restaurez.`,
    );
  }
}

async function copyAll(manifest: Manifest, from: string, to: string, report: ReportProgress): Promise<void> {
  const files = await backupFiles(from, manifest);
  for (const [index, file] of files.entries()) {
    report('files', index, files.length);
    const digest = await copyHashed(path.join(from, file.path), path.join(to, file.path)).catch((error: unknown) => {
      // The target folder was just made: a missing file can only be the backup's.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw incomplete(file.path);
    });
    checkDigest(file, digest);
  }
  report('files', files.length, files.length);
}

/** The copy opens and reads as a whole database: SQLite's own check, before anyone uses it. */
function checkDatabase(file: string): void {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw refused(`La base restaurée ne passe pas la vérification de SQLite (${String(check)}) : rien n’a été gardé.`);
  } finally {
    db.close();
  }
}

/** Leaves the folder as it was found: removed if the restore made it, emptied if it was empty. */
async function undo(dataDir: string, existed: boolean): Promise<void> {
  if (!existed) return rm(dataDir, { recursive: true, force: true });
  for (const entry of await readdir(dataDir).catch(() => [] as string[])) {
    await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
}
