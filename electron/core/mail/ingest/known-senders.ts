import { and, eq, inArray, isNull } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { addressBookEntries, cases, contacts, messages } from '../../db/schema';

/**
 * Whether `sender` (normalised) may add a message to these cases (a case and its master): it is the
 * contact of one of them, or an address that wrote in their threads or was in a To or CC of them,
 * or an address an agent put in the address book. Entries the book keeps for other contacts do not
 * count (`contact-entries.ts` lists every contact there): another customer is still a stranger here.
 */
export function isKnownTo(db: Database, caseIds: number[], sender: string): boolean {
  return isContactOf(db, caseIds, sender) || isInThreads(db, caseIds, sender) || isPlainBookEntry(db, sender);
}

function isContactOf(db: Database, caseIds: number[], sender: string): boolean {
  const found = db.orm
    .select({ id: contacts.id })
    .from(cases)
    .innerJoin(contacts, eq(contacts.id, cases.contactId))
    .where(and(inArray(cases.id, caseIds), eq(contacts.emailNormalized, sender)))
    .get();
  return found !== undefined;
}

function isInThreads(db: Database, caseIds: number[], sender: string): boolean {
  const thread = db.orm
    .select({ from: messages.from, to: messages.to, cc: messages.cc })
    .from(messages)
    .where(inArray(messages.caseId, caseIds))
    .all();
  return thread.some(({ from, to, cc }) => [from, ...to, ...cc].some((person) => normalizeEmail(person.address) === sender));
}

function isPlainBookEntry(db: Database, sender: string): boolean {
  const entry = db.orm
    .select({ id: addressBookEntries.id })
    .from(addressBookEntries)
    .where(and(eq(addressBookEntries.emailNormalized, sender), isNull(addressBookEntries.contactId)))
    .get();
  return entry !== undefined;
}
