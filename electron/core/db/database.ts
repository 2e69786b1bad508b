import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ensurePrivateFile, privateFileMode, tightenIfExists } from '../storage/private-files';
import * as schema from './schema';

export interface Database {
  /** The raw connection, for FTS queries and statements drizzle cannot express. */
  sqlite: BetterSqlite3.Database;
  orm: BetterSQLite3Database<typeof schema>;
  close(): void;
}

/** Opens (creating if needed) the product's database and brings its schema up to date. */
export function openDatabase(file: string, migrationsFolder: string): Database {
  // Created for the user only before SQLite opens it (its default is 0644, readable by every
  // account); the WAL and shared-memory files take the database's mode, or are tightened here.
  ensurePrivateFile(file);
  for (const companion of [`${file}-wal`, `${file}-shm`]) tightenIfExists(companion, privateFileMode);
  const sqlite = new BetterSqlite3(file);
  try {
    configure(sqlite);
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder });
    // Statistics for the query planner, refreshed cheaply at each open (SQLite's advice for
    // long-lived connections): without them a 45 000-case desk sorts every row on each page.
    sqlite.pragma('optimize = 0x10002');
    return { sqlite, orm, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function configure(sqlite: BetterSqlite3.Database): void {
  // WAL: readers (desks refreshing) never wait for the writer (mail sync). With WAL, NORMAL cannot
  // corrupt the file; a power cut (not an app crash) may only lose the last commits.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Off by default in SQLite, per connection.
  sqlite.pragma('foreign_keys = ON');
  // The browser host and a second window may write at once: wait rather than fail with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
}
