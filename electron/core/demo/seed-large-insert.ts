import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Row-at-a-time inserts through prepared statements, for the large seed: drizzle's builder costs
 * more than SQLite itself at hundreds of thousands of rows. Rows keep drizzle's insert types, and
 * each value goes through its column's own encoding (JSON, booleans), so nothing is spelt twice.
 */
export function preparedInserter<T extends SQLiteTable>(sqlite: BetterSqlite3.Database, table: T) {
  const columns = getTableColumns(table);
  // Rows leave out different optional columns (so that SQL defaults apply): one statement per shape.
  const statements = new Map<string, BetterSqlite3.Statement>();

  function statementFor(keys: string[]): BetterSqlite3.Statement {
    const shape = keys.join(',');
    let statement = statements.get(shape);
    if (!statement) {
      const names = keys.map((key) => `"${columns[key]?.name}"`).join(', ');
      const slots = keys.map(() => '?').join(', ');
      statement = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${slots})`);
      statements.set(shape, statement);
    }
    return statement;
  }

  /** Inserts one row and returns its id. */
  return (row: T['$inferInsert']): number => {
    const entries = Object.entries(row).filter(([, value]) => value !== undefined);
    const values = entries.map(([key, value]) =>
      value === null ? null : (columns[key]?.mapToDriverValue(value) as unknown),
    );
    const result = statementFor(entries.map(([key]) => key)).run(...values);
    return Number(result.lastInsertRowid);
  };
}
