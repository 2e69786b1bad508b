// `npm run restore -- BACKUP_FOLDER DATA_FOLDER`: restores a backup (the folder that holds its
// manifest.json) into an empty or new data folder, for a new installation or a new machine. Every
// file is checked against the manifest; a damaged backup or a folder that holds data is refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../shared/contract';
import { restoreBackup } from '../electron/core/services/backup/restore-backup';

const [backupArg, dataArg] = process.argv.slice(2);
if (!backupArg || !dataArg) {
  console.error('Usage : npm run restore -- DOSSIER_DE_LA_SAUVEGARDE DOSSIER_DES_DONNÉES');
  console.error('Usage: npm run restore -- BACKUP_FOLDER DATA_FOLDER');
  process.exit(2);
}

/** The migrations this version of the app knows (drizzle's journal beside the sources). */
function knownMigrations(): number {
  const journal = JSON.parse(readFileSync(path.resolve('drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

let shown = -1;
const report = (_step: string, done: number, total: number) => {
  const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
  if (percent === shown || percent % 10 !== 0) return;
  shown = percent;
  console.log(`Vérification et copie / Checking and copying: ${done} / ${total} (${percent} %)`);
};

const dataDir = path.resolve(dataArg);
try {
  const counts = await restoreBackup({ backupDir: path.resolve(backupArg), dataDir, knownMigrations: knownMigrations() }, report);
  console.log(
    `Restauration terminée / Restore done → ${dataDir}: ${counts.cases} dossiers, ${counts.messages} messages, ${counts.contacts} contacts, ${counts.attachments} pièces jointes.`,
  );
  console.log(`Démarrez l’application sur ce dossier / Start the app on it: UNIFIED_DATA_DIR="${dataDir}" npm start`);
} catch (error) {
  console.error(error instanceof AppFailure ? error.message : error);
  process.exitCode = 1;
}
