import { addressBookEntries, contacts } from '../db/schema';
import type { Database } from '../db/database';
import { demoContacts } from './demo-contacts';
import { demoAddressBook } from './demo-data';

type Orm = Database['orm'];

const normalize = (email: string | null | undefined) => email?.toLowerCase() ?? null;

/** The demo's contacts (ids by key) and the address book's other addresses, known since `since`. */
export function seedContacts(orm: Orm, since: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const { key, ...contact } of demoContacts) {
    const row = { ...contact, emailNormalized: normalize(contact.email), createdAt: since, updatedAt: since };
    ids.set(key, orm.insert(contacts).values(row).returning({ id: contacts.id }).get().id);
  }
  // PRODUCT.md: the book lists the centre's contacts too (contact-entries.ts keeps them in step afterwards).
  const contactEntries = demoContacts.flatMap(({ key, civility, lastName, firstName, company, email }) =>
    email ? [{ civility, lastName, firstName, email, organisation: company ?? null, contactId: ids.get(key) ?? null }] : [],
  );
  const entries = [...demoAddressBook, ...contactEntries].map((entry) => ({
    ...entry,
    emailNormalized: entry.email.toLowerCase(),
    createdAt: since,
    updatedAt: since,
  }));
  orm.insert(addressBookEntries).values(entries).run();
  return ids;
}
