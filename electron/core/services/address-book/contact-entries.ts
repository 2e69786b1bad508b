import { eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { addressBookEntries } from '../../db/schema';

/** What the book needs of a contact card. */
export interface ContactAddress {
  id: number;
  civility: (typeof addressBookEntries.$inferInsert)['civility'];
  lastName: string;
  firstName: string;
  company: string | null;
  email: string | null;
}

/**
 * PRODUCT.md "Address book": the entries are the centre's contacts plus other addresses. Every write of a
 * contact card keeps its entry in step (within the caller's transaction), so the composer's picker,
 * the book's search and its export see contacts without a second source to merge.
 * An entry already holding the address (typed in the book before the contact existed) becomes the
 * contact's; a contact whose address changed takes its entry along; a contact without address has none
 * to list, and an entry it had stays in the book as an ordinary address.
 */
export function keepContactEntry(db: Database, contact: ContactAddress, now: string): void {
  if (!contact.email) return;
  const values = {
    civility: contact.civility,
    lastName: contact.lastName,
    firstName: contact.firstName,
    email: contact.email,
    emailNormalized: normalizeEmail(contact.email),
    organisation: contact.company,
    contactId: contact.id,
    updatedAt: now,
  };
  const byAddress = entryWhere(db, eq(addressBookEntries.emailNormalized, values.emailNormalized));
  const byContact = entryWhere(db, eq(addressBookEntries.contactId, contact.id));
  if (byAddress && byContact && byAddress.id !== byContact.id) {
    // The contact moved to an address the book already had: its old entry stays, as a plain address.
    db.orm.update(addressBookEntries).set({ contactId: null }).where(eq(addressBookEntries.id, byContact.id)).run();
  }
  const target = byAddress ?? byContact;
  if (target) {
    db.orm.update(addressBookEntries).set(values).where(eq(addressBookEntries.id, target.id)).run();
  } else {
    db.orm.insert(addressBookEntries).values({ ...values, createdAt: now }).run();
  }
}

function entryWhere(db: Database, condition: ReturnType<typeof eq>) {
  return db.orm.select({ id: addressBookEntries.id }).from(addressBookEntries).where(condition).get();
}
