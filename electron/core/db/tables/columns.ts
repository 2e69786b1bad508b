import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Column conventions shared by every table: integer ids (SQLite rowids), timestamps as ISO 8601
 * UTC text (they sort as text, which keyset paging relies on, and read well in a raw dump),
 * booleans as 0/1 and structured values as JSON text.
 */
export const id = () => integer('id').primaryKey({ autoIncrement: true });

/** ISO 8601 UTC instant, written by the core from its injected Clock (never SQL's own clock). */
export const instant = (name: string) => text(name);

export const flag = (name: string) => integer(name, { mode: 'boolean' });

export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
