// `npm run seed:large [-- DATA_DIR]`: the demo centre with 100 000 cases and 50 000 contacts, into
// DATA_DIR (else UNIFIED_DATA_DIR), for trying the desks and search at scale and for `npm run bench`.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { databaseFile } from '../electron/core/create-core';
import { openDatabase } from '../electron/core/db/database';
import { seedLarge } from '../electron/core/demo/seed-large';
import { systemClock } from '../electron/core/ports';

const dataDir = process.argv[2] ?? process.env.UNIFIED_DATA_DIR;
if (!dataDir) {
  console.error('Indiquez le dossier de données / Give the data folder: npm run seed:large -- DATA_DIR (or UNIFIED_DATA_DIR)');
  process.exit(2);
}

mkdirSync(path.resolve(dataDir), { recursive: true });
const file = databaseFile(path.resolve(dataDir));
const started = performance.now();
const db = openDatabase(file, path.resolve('drizzle'));
try {
  const result = seedLarge(db, {
    clock: systemClock,
    onProgress: ({ step, done, total }) => {
      const percent = Math.round((100 * done) / total);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${step === 'cases' ? 'Dossiers / cases' : 'Contacts'} : ${done} / ${total} (${percent} %, ${seconds} s)`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.cases} dossiers, ${result.contacts} contacts, ${result.messages} messages → ${file} (${seconds} s)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.close();
}
