import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { AddressBookEntry } from '../../../../shared/domain/address-book-schema';
import type { AddressBookEntryView } from '../../../../shared/domain/address-book-view';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { addressBookEntries, contacts } from '../../db/schema';
import { notFound } from '../access';

/**
 * Reading and writing address-book rows. Meant to run inside the caller's transaction: the address
 * check and the write must see the same rows.
 */

export type EntryRow = typeof addressBookEntries.$inferSelect;

export const entryMissing = "Cette adresse n'est plus dans le carnet.";

export function toView(row: EntryRow): AddressBookEntryView {
  const { id, civility, lastName, firstName, email, organisation, contactId } = row;
  return { id, civility, lastName, firstName, email, organisation, contactId };
}

export function readEntry(db: Database, id: number): EntryRow {
  const row = db.orm.select().from(addressBookEntries).where(eq(addressBookEntries.id, id)).get();
  if (!row) throw notFound(entryMissing);
  return row;
}

export function entryByEmail(db: Database, email: string): EntryRow | undefined {
  return db.orm
    .select()
    .from(addressBookEntries)
    .where(eq(addressBookEntries.emailNormalized, normalizeEmail(email)))
    .get();
}

/** The contact card with this address: the entry points to it, so the composer knows it is a contact. */
function contactIdOf(db: Database, email: string): number | null {
  const found = db.orm
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.emailNormalized, normalizeEmail(email)))
    .get();
  return found?.id ?? null;
}

/** The columns an entry sets; the address is trimmed by the schema, its case kept as typed. */
export function entryColumns(db: Database, entry: AddressBookEntry) {
  return {
    civility: entry.civility,
    lastName: entry.lastName,
    firstName: entry.firstName,
    email: entry.email,
    emailNormalized: normalizeEmail(entry.email),
    organisation: entry.organisation ?? null,
    contactId: contactIdOf(db, entry.email),
  };
}

/** PRODUCT.md: `A@x.fr` and `a@x.fr` are one address, kept once in the book. */
function assertEmailFree(db: Database, email: string, exceptId?: number): void {
  const owner = entryByEmail(db, email);
  if (!owner || owner.id === exceptId) return;
  const name = [owner.lastName, owner.firstName].filter(Boolean).join(' ');
  const message = `L'adresse ${owner.email} est déjà dans le carnet (${name}) : modifiez cette fiche plutôt que d'en créer une autre.`;
  throw new AppFailure({ code: 'conflict', message, fields: { email: message } });
}

export function insertEntry(db: Database, entry: AddressBookEntry, now: string): EntryRow {
  assertEmailFree(db, entry.email);
  const values = { ...entryColumns(db, entry), createdAt: now, updatedAt: now };
  return db.orm.insert(addressBookEntries).values(values).returning().get();
}

export function replaceEntry(db: Database, id: number, entry: AddressBookEntry, now: string): EntryRow {
  readEntry(db, id);
  assertEmailFree(db, entry.email, id);
  const values = { ...entryColumns(db, entry), updatedAt: now };
  const row = db.orm.update(addressBookEntries).set(values).where(eq(addressBookEntries.id, id)).returning().get();
  // readEntry above refused a missing id, and the write lock keeps the row there.
  return row as EntryRow;
}

export function deleteEntry(db: Database, id: number): void {
  readEntry(db, id);
  db.orm.delete(addressBookEntries).where(eq(addressBookEntries.id, id)).run();
}
