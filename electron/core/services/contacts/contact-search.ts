import { asc, inArray, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { ContactSummary } from '../../../../shared/domain/contact-view';
import type { Database } from '../../db/database';
import { contacts } from '../../db/schema';
import { contactMatch, numberQuery, type NumberQuery } from './contact-search-query';

const summaryColumns = {
  id: contacts.id,
  civility: contacts.civility,
  lastName: contacts.lastName,
  firstName: contacts.firstName,
  company: contacts.company,
  email: contacts.email,
  mobile: contacts.mobile,
  landline: contacts.landline,
  postalCode: contacts.postalCode,
  city: contacts.city,
  contractNumber: contacts.contractNumber,
  subscriberReference: contacts.subscriberReference,
  orderNumber: contacts.orderNumber,
};

const phoneColumns = [contacts.mobile, contacts.landline, contacts.otherPhone, contacts.fax];
const referenceColumns = [contacts.contactIdentifier, contacts.contractNumber, contacts.subscriberReference, contacts.orderNumber];

/** A stored reference as `numberQuery` compacts a typed one. */
const compacted = (column: SQLWrapper) =>
  sql`upper(replace(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '.', ''), '/', ''), '_', ''))`;
/** `CMD784512` → `784512`: a reference typed without its letters. */
const lettersDropped = (column: SQLWrapper) =>
  sql`ltrim(${compacted(column)}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')`;

/**
 * The contact search (seed "Créer un dossier": "Faites une recherche de contacts"): exact phones and
 * references first (the strongest sign), then full-text matches on names, e-mail, company, phones
 * and references, best first (bm25), ties by name.
 */
export function searchContacts(db: Database, q: string, limit: number): ContactSummary[] {
  const numbers = numberQuery(q);
  const exact = numbers ? exactMatches(db, numbers, limit) : [];
  const match = contactMatch(q);
  const found = match ? textMatches(db, match, limit) : [];
  const seen = new Set(exact.map((contact) => contact.id));
  return [...exact, ...found.filter((contact) => !seen.has(contact.id))].slice(0, limit);
}

function exactMatches(db: Database, numbers: NumberQuery, limit: number): ContactSummary[] {
  const phoneHits = numbers.phones.length ? phoneColumns.map((column) => inArray(column, numbers.phones)) : [];
  const referenceHits = referenceColumns.flatMap((column) => [
    sql`${compacted(column)} = ${numbers.reference}`,
    sql`${lettersDropped(column)} = ${numbers.reference}`,
  ]);
  return db.orm
    .select(summaryColumns)
    .from(contacts)
    .where(or(...phoneHits, ...referenceHits))
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(limit)
    .all();
}

function textMatches(db: Database, match: string, limit: number): ContactSummary[] {
  return db.orm
    .select(summaryColumns)
    .from(sql`contacts_fts`)
    .innerJoin(contacts, sql`${contacts.id} = contacts_fts.rowid`)
    .where(sql`contacts_fts MATCH ${match}`)
    .orderBy(sql`bm25(contacts_fts)`, asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(limit)
    .all();
}
