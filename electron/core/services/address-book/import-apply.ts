import { eq } from 'drizzle-orm';
import type { AddressBookEntry } from '../../../../shared/domain/address-book-schema';
import type { ImportReport } from '../../../../shared/domain/address-book-view';
import type { Database } from '../../db/database';
import { addressBookEntries } from '../../db/schema';
import { entryByEmail, entryColumns, type EntryRow } from './entry-store';
import type { AcceptedRow, Judgement } from './import-judge';

type Counts = Omit<ImportReport, 'refused'>;

const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).every((key) => a[key] === b[key]);

/**
 * An address already in the book takes the values the file gives (the newer word: an export
 * corrected in a spreadsheet and imported again must take effect) and keeps those it leaves blank
 * or has no column for: a file of bare addresses must not reset civilities and organisations.
 */
function merged(existing: EntryRow, { entry, given }: AcceptedRow): AddressBookEntry {
  const { civility, lastName, firstName, email, organisation } = existing;
  const kept: AddressBookEntry = { civility, lastName, firstName, email, organisation: organisation ?? undefined };
  return { ...kept, ...Object.fromEntries(given.map((field) => [field, entry[field]])) };
}

/** Writes the accepted rows; the caller runs it in one transaction, so a file lands whole or not at all. */
export function applyImport(db: Database, { accepted }: Judgement, now: string): Counts {
  const counts: Counts = { added: 0, updated: 0, unchanged: 0 };
  for (const row of accepted) {
    const existing = entryByEmail(db, row.entry.email);
    if (!existing) {
      db.orm.insert(addressBookEntries).values({ ...entryColumns(db, row.entry), createdAt: now, updatedAt: now }).run();
      counts.added += 1;
      continue;
    }
    const values = entryColumns(db, merged(existing, row));
    if (sameValues(values, existing)) {
      counts.unchanged += 1;
    } else {
      db.orm.update(addressBookEntries).set({ ...values, updatedAt: now }).where(eq(addressBookEntries.id, existing.id)).run();
      counts.updated += 1;
    }
  }
  return counts;
}
