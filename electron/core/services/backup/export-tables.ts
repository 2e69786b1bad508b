import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  addressBookEntries,
  agents,
  attachments,
  caseFields,
  cases,
  contacts,
  drafts,
  formFields,
  forms,
  history,
  mailboxes,
  messages,
  notepadEntries,
  qualifications,
  queueMembers,
  queues,
  routingRules,
  templates,
  templateThemes,
} from '../../db/schema';

/**
 * The centre's own data, as a centre leaving the product takes it away: one JSON Lines file per
 * table, with the columns' own names and values read as the product reads them (JSON columns as
 * JSON, booleans as booleans). Left out: what only the product's machinery needs (outbox, sync
 * checkpoints, quarantine, settings, search indexes) and the agents' password hashes.
 */
export const exportedTables: ReadonlyArray<{ table: SQLiteTable; omit?: readonly string[] }> = [
  { table: contacts },
  { table: addressBookEntries },
  { table: cases },
  { table: caseFields },
  { table: messages, omit: ['rawPath'] },
  { table: attachments, omit: ['storagePath'] },
  { table: notepadEntries },
  { table: history },
  { table: drafts },
  { table: queues },
  { table: queueMembers },
  { table: agents, omit: ['passwordHash'] },
  { table: mailboxes },
  { table: forms },
  { table: formFields },
  { table: qualifications },
  { table: templateThemes },
  { table: templates },
  { table: routingRules },
];

export interface TableReader {
  file: string;
  /** `SELECT` of the exported columns, in storage order. */
  sql: string;
  /** A raw row (SQL column names) as the exported object (the schema's property names). */
  read(row: Record<string, unknown>): Record<string, unknown>;
}

export function tableReader(table: SQLiteTable, omit: readonly string[] = []): TableReader {
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => !omit.includes(key)) as [string, Column][];
  const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
  return {
    file: `${name}.jsonl`,
    sql: `SELECT ${columns.map(([, column]) => quote(column.name)).join(', ')} FROM ${quote(name)} ORDER BY rowid`,
    read: (row) =>
      Object.fromEntries(
        columns.map(([key, column]) => {
          const value = row[column.name];
          return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
        }),
      ),
  };
}
