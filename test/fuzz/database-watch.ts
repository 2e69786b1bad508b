import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';

/**
 * A read-only second connection to the core's SQLite file, for "a refused call changed nothing":
 * - `version()` is SQLite's `PRAGMA data_version`, which moves whenever another connection (the
 *   core's) commits: exact and nearly free, so it is read around every call;
 * - `checksum()` hashes every row of every table, for the calls sampled and for the message that
 *   names what changed.
 * It never writes: tests reach states through the contract only.
 */
export interface DatabaseWatch {
  version(): number;
  /** One hash per table, rows in rowid order (sorted for tables without rowid). */
  checksum(): Map<string, string>;
  close(): void;
}

export function watchDatabase(file: string): DatabaseWatch {
  const reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const version = reader.prepare('PRAGMA data_version').pluck();
  const tables = reader.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck();
  const readers = new Map<string, () => string[]>();

  function rowsOf(table: string): () => string[] {
    const known = readers.get(table);
    if (known) return known;
    const quoted = `"${table.replaceAll('"', '""')}"`;
    let read: () => string[];
    try {
      const ordered = reader.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).raw();
      read = () => ordered.all().map((row) => JSON.stringify(row));
    } catch {
      // WITHOUT ROWID tables (FTS5's own): the same rows whatever the order they come in.
      const all = reader.prepare(`SELECT * FROM ${quoted}`).raw();
      read = () => all.all().map((row) => JSON.stringify(row)).sort();
    }
    readers.set(table, read);
    return read;
  }

  return {
    version: () => version.get() as number,
    checksum() {
      const sums = new Map<string, string>();
      for (const table of tables.all() as string[]) {
        const hash = createHash('sha256');
        for (const line of rowsOf(table)()) hash.update(line).update('\n');
        sums.set(table, hash.digest('hex'));
      }
      return sums;
    },
    close: () => reader.close(),
  };
}

/** The tables whose hash differs between two checksums (added or dropped tables included). */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
