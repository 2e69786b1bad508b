import BetterSqlite3 from 'better-sqlite3';
import type { DataCounts } from '../../../../shared/domain/backup';

/**
 * Pages copied per step (better-sqlite3's own default): the event loop answers calls between two
 * steps, so agents keep working during a backup of a large database.
 */
const pagesPerStep = 100;
/** After this many restarts (another connection kept writing), the rest is copied in one step. */
const maxRestarts = 3;

export type PageProgress = (done: number, total: number) => void;

/**
 * A consistent copy of the live database through SQLite's online backup API (better-sqlite3's
 * `backup`). Writes of this same connection between two steps are carried into the copy by SQLite
 * itself; a write by another connection (Electron's mail process) restarts the copy, so after a few
 * restarts the remaining pages go in one step, which holds a read transaction and cannot be restarted.
 */
export async function snapshotDatabase(source: BetterSqlite3.Database, target: string, onProgress: PageProgress): Promise<void> {
  let restarts = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  await source.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      if (remainingPages > lastRemaining) restarts += 1;
      lastRemaining = remainingPages;
      onProgress(totalPages - remainingPages, totalPages);
      return restarts >= maxRestarts ? Math.max(totalPages, 1) : pagesPerStep;
    },
  });
}

export interface SnapshotFacts {
  counts: DataCounts;
  migrations: number;
  /** Blob paths the snapshot's rows refer to (attachments, raw sources of messages and quarantine). */
  referencedBlobs: Set<string>;
}

/**
 * Makes the copy one self-contained file (rollback journal instead of WAL, so no `-wal` or `-shm`
 * beside it) and reads what it holds. Runs before the copy is hashed.
 */
export function sealSnapshot(file: string): SnapshotFacts {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = DELETE');
    // No integrity check here: it would hold the event loop of the windows' core for seconds on a
    // large centre; the copy is SQLite's own, page for page, and a restore checks it before use.
    return { counts: countData(db), migrations: migrationLevel(db), referencedBlobs: referencedBlobs(db) };
  } finally {
    db.close();
  }
}

export function countData(db: BetterSqlite3.Database): DataCounts {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { cases: count('cases'), messages: count('messages'), contacts: count('contacts'), attachments: count('attachments') };
}

/** How many of drizzle's migrations the database has had. */
export function migrationLevel(db: BetterSqlite3.Database): number {
  const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!table) return 0;
  return (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

function referencedBlobs(db: BetterSqlite3.Database): Set<string> {
  const rows = db
    .prepare(
      `SELECT storage_path AS path FROM attachments
       UNION SELECT raw_path FROM messages WHERE raw_path IS NOT NULL
       UNION SELECT raw_path FROM quarantine WHERE raw_path IS NOT NULL`,
    )
    .all() as { path: string }[];
  return new Set(rows.map((row) => row.path.split('\\').join('/')));
}
