import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../electron/core/db/database';
import { seedDemoIfEmpty } from '../../electron/core/demo/seed-demo';
import type { Clock } from '../../electron/core/ports';

/** vitest runs from the repository root. */
export const migrationsFolder = path.resolve('drizzle');

/** A fixed instant: the demo's relative dates become exact, and tests reproducible. */
export const fixedClock = (iso = '2025-03-14T10:00:00.000Z'): Clock => ({ now: () => new Date(iso) });

export interface TempDatabase {
  db: Database;
  dir: string;
  file: string;
  /** Closes the database and removes its folder. */
  dispose(): void;
}

/** A real SQLite file (WAL needs one: `:memory:` has no journal) in a fresh temp folder. */
export function openTempDatabase(): TempDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ud-core-'));
  const file = path.join(dir, 'unified.sqlite');
  const temp: TempDatabase = {
    db: openDatabase(file, migrationsFolder),
    dir,
    file,
    dispose: () => {
      // The test may have reopened the file: close whichever connection is current.
      temp.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

export function openDemoDatabase(clock: Clock = fixedClock()): TempDatabase {
  const temp = openTempDatabase();
  seedDemoIfEmpty(temp.db, clock);
  return temp;
}
