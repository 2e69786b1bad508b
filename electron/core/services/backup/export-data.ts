import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppFailure } from '../../../../shared/contract';
import { refused } from './backup-refusals';
import type { ExportResult } from '../../../../shared/domain/backup';
import { safeFileName } from '../../../../shared/domain/file-name';
import { createDatedFolder } from './backup-folder';
import type { ReportProgress } from './backup-jobs';
import { describeFsError, type BackupSource } from './create-backup';
import { countData, snapshotDatabase } from './database-snapshot';
import { exportedTables, tableReader } from './export-tables';
import { copyHashed } from './file-hash';
import { jsonLinesFile } from './json-lines';

const attachmentsFolder = 'pieces-jointes';
const sourcesFolder = 'messages-source';

/**
 * « Exporter toutes les données »: everything the centre owns, readable without the product, in a
 * new dated folder inside `folder`. Read from a snapshot taken through the online backup API (the
 * same one as a backup), so agents keep working and the export is consistent; the snapshot is
 * removed at the end.
 */
export async function exportData(source: BackupSource, folder: string, report: ReportProgress): Promise<ExportResult> {
  const at = source.clock.now();
  const { dir } = await createDatedFolder(folder, 'export-', at).catch((error: unknown) => {
    throw refused(`Le dossier « ${folder} » n’est pas accessible en écriture (${describeFsError(error)}).`);
  });
  const snapshotFile = path.join(dir, '.instantane.sqlite');
  try {
    await snapshotDatabase(source.db.sqlite, snapshotFile, (done, total) => report('database', done, total));
    const snapshot = new BetterSqlite3(snapshotFile, { readonly: true });
    try {
      await writeTables(snapshot, source.dataDir, dir, report);
      const counts = countData(snapshot);
      await writeFile(path.join(dir, 'export.json'), `${JSON.stringify({ exportedAt: at.toISOString(), appVersion: source.version, counts }, null, 2)}\n`);
      await writeFile(path.join(dir, 'LISEZMOI.txt'), readme);
      return { folder: dir, counts };
    } finally {
      snapshot.close();
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof AppFailure) throw error;
    source.log.error('export failed', error, { folder });
    throw refused(`L’export n’a pas pu être écrit dans « ${folder} » (${describeFsError(error)}) : rien n’a été gardé de cet essai.`);
  } finally {
    await rm(snapshotFile, { force: true });
  }
}

async function writeTables(snapshot: BetterSqlite3.Database, dataDir: string, dir: string, report: ReportProgress): Promise<void> {
  for (const [index, { table, omit }] of exportedTables.entries()) {
    report('tables', index, exportedTables.length);
    const reader = tableReader(table, omit);
    const out = jsonLinesFile(path.join(dir, reader.file));
    const files = fileColumns[reader.file];
    for (const raw of snapshot.prepare(reader.sql).iterate() as Iterable<Record<string, unknown>>) {
      const row = reader.read(raw);
      await out.write(files ? { ...row, ...(await files(snapshot, dataDir, dir, row)) } : row);
    }
    await out.close();
  }
  report('tables', exportedTables.length, exportedTables.length);
}

type FileColumn = (snapshot: BetterSqlite3.Database, dataDir: string, dir: string, row: Record<string, unknown>) => Promise<Record<string, string | null>>;

/**
 * Rows whose content is a file: the file is copied under a readable name and the row says where
 * (relative to the export), in place of the product's internal storage path.
 */
const fileColumns: Record<string, FileColumn> = {
  'attachments.jsonl': async (snapshot, dataDir, dir, row) => {
    const stored = storagePathOf(snapshot, 'SELECT storage_path AS path FROM attachments WHERE id = ?', row.id);
    const name = `${attachmentsFolder}/${String(row.id)}-${safeFileName(String(row.displayName))}`;
    return { file: stored ? await copyInto(dataDir, stored, dir, name) : null };
  },
  'messages.jsonl': async (snapshot, dataDir, dir, row) => {
    const stored = storagePathOf(snapshot, 'SELECT raw_path AS path FROM messages WHERE id = ?', row.id);
    return { sourceFile: stored ? await copyInto(dataDir, stored, dir, `${sourcesFolder}/${String(row.id)}.eml`) : null };
  },
};

function storagePathOf(snapshot: BetterSqlite3.Database, sql: string, id: unknown): string | null {
  return (snapshot.prepare(sql).get(id) as { path: string | null } | undefined)?.path ?? null;
}

/** The copied file's path in the export, or null when the data folder had lost it. */
async function copyInto(dataDir: string, stored: string, dir: string, name: string): Promise<string | null> {
  try {
    await copyHashed(path.join(dataDir, stored), path.join(dir, name));
    return name;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}


const readme = `Export des données d’un centre Unified Desktop
==============================================

Chaque fichier .jsonl est une table : une ligne par enregistrement, au format JSON (JSON Lines).
  contacts.jsonl            les fiches contact
  cases.jsonl               les dossiers ; case_fields.jsonl leurs champs de formulaire
  messages.jsonl            les messages de chaque dossier (sourceFile : le message d’origine, .eml)
  attachments.jsonl         les pièces jointes (file : le fichier, dans ${attachmentsFolder}/)
  notepad_entries.jsonl     les bloc-notes ; history.jsonl l’historique des dossiers
  address_book_entries.jsonl le carnet d’adresses ; queues, agents, forms… la configuration du centre

Les dates sont en UTC (ISO 8601). Les mots de passe ne sont jamais exportés.
export.json donne la date de l’export, la version de l’application et le nombre d’éléments.
`;
