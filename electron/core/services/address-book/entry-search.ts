import { asc, sql, type SQL } from 'drizzle-orm';
import type { AddressBookEntryView } from '../../../../shared/domain/address-book-view';
import type { Database } from '../../db/database';
import { addressBookEntries } from '../../db/schema';
import { toView } from './entry-store';

/**
 * Lower case, accents and ligatures dropped, every run of punctuation one space: "Hélène" finds
 * "helene", and an address splits into words ("jean.dupont@x.fr" → "jean dupont x fr"), so a
 * prefix of any of its parts finds it. No LIKE wildcard survives (`%`, `_` are punctuation).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const foldFunction = 'address_book_fold';

/**
 * SQLite's LOWER and LIKE fold ASCII only, and the book has no FTS table: the same fold as the query
 * runs as a SQL function. A book is a few thousand rows, scanned in a few milliseconds.
 */
export function registerSearchFold(db: Database): void {
  db.sqlite.function(foldFunction, { deterministic: true }, (text: unknown) => foldForSearch(String(text ?? '')));
}

const fold = (column: SQL) => sql`${sql.raw(foldFunction)}(${column})`;

const haystack = fold(
  sql`${addressBookEntries.lastName} || ' ' || ${addressBookEntries.firstName} || ' ' || ${addressBookEntries.email} || ' ' || coalesce(${addressBookEntries.organisation}, '')`,
);

/** Every typed word must start a word of the name, address or organisation; alphabetical order. */
export function searchEntries(db: Database, query: string | undefined, limit: number): AddressBookEntryView[] {
  const words = foldForSearch(query ?? '').split(' ').filter(Boolean);
  const conditions = words.map((word) => sql`(' ' || ${haystack}) LIKE ${`% ${word}%`}`);
  return db.orm
    .select()
    .from(addressBookEntries)
    .where(conditions.length ? sql.join(conditions, sql` AND `) : undefined)
    .orderBy(
      asc(fold(sql`${addressBookEntries.lastName}`)),
      asc(fold(sql`${addressBookEntries.firstName}`)),
      asc(addressBookEntries.id),
    )
    .limit(limit)
    .all()
    .map(toView);
}
