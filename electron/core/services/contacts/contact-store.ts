import { eq } from 'drizzle-orm';
import type { Contact } from '../../../../shared/domain/contact-schema';
import type { ContactCard } from '../../../../shared/domain/contact-view';
import type { Database } from '../../db/database';
import { contacts } from '../../db/schema';
import { notFound } from '../access';
import { keepContactEntry } from '../address-book/contact-entries';
import { readSettings } from '../admin/settings';
import { assertEmailFree } from './contact-email';
import { contactColumns, toCard } from './contact-rows';

/**
 * Writing contacts, for the contacts calls and for case creation. Meant to run inside the caller's
 * transaction: the e-mail check and the write must see the same database.
 * `prefix` is where the form holds the contact (`contact.` in case creation), for error fields.
 */

export const contactMissing = "Ce contact n'existe pas.";

export function readContact(db: Database, id: number): ContactCard {
  const row = db.orm.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!row) throw notFound(contactMissing);
  return toCard(row);
}

export function insertContact(db: Database, contact: Contact, now: string, prefix = ''): ContactCard {
  assertEmailFree(db, contact.email, undefined, prefix);
  const values = { ...contactColumns(contact, readSettings(db).defaultCountry), createdAt: now, updatedAt: now };
  const card = toCard(db.orm.insert(contacts).values(values).returning().get());
  keepContactEntry(db, card, now);
  return card;
}

export function replaceContact(db: Database, id: number, contact: Contact, now: string, prefix = ''): ContactCard {
  readContact(db, id);
  assertEmailFree(db, contact.email, id, prefix);
  const values = { ...contactColumns(contact, readSettings(db).defaultCountry), updatedAt: now };
  const row = db.orm.update(contacts).set(values).where(eq(contacts.id, id)).returning().get();
  // readContact above refused a missing id, and the write lock keeps the row there.
  const card = toCard(row as NonNullable<typeof row>);
  keepContactEntry(db, card, now);
  return card;
}
