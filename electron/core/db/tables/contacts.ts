import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { civilities } from '../../../../shared/domain/field-rules';
import { id, instant } from './columns';

/** PRODUCT.md "Creating a case": a fixed list, Monsieur by default (defined with the field rules). */
export { civilities, type Civility } from '../../../../shared/domain/field-rules';

/**
 * The person a case belongs to (a case is never anonymous). Phones are digits only, international
 * ones as 00 + country code; dates are ISO `YYYY-MM-DD`; `country` is an ISO 3166 alpha-2 code.
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: id(),
    civility: text('civility', { enum: civilities }).notNull().default('monsieur'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    company: text('company'),
    street: text('street'),
    lieuDit: text('lieu_dit'),
    residence: text('residence'),
    building: text('building'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('FR'),
    birthDate: text('birth_date'),
    mobile: text('mobile'),
    landline: text('landline'),
    otherPhone: text('other_phone'),
    fax: text('fax'),
    email: text('email'),
    /** Lower-cased `email`: incoming mail finds its contact case-insensitively, once. */
    emailNormalized: text('email_normalized').unique(),
    missingDocumentDate: text('missing_document_date'),
    contactIdentifier: text('contact_identifier'),
    contractNumber: text('contract_number'),
    subscriberReference: text('subscriber_reference'),
    orderNumber: text('order_number'),
    comment: text('comment'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('contacts_name_idx').on(t.lastName, t.firstName)],
);

/** "Carnet d'adresses": the addresses agents copy in, linked to a contact when it is one. */
export const addressBookEntries = sqliteTable(
  'address_book_entries',
  {
    id: id(),
    civility: text('civility', { enum: civilities }).notNull().default('monsieur'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    email: text('email').notNull(),
    /** One entry per address whatever its case (PRODUCT.md: `A@x.fr` and `a@x.fr` are one address). */
    emailNormalized: text('email_normalized').notNull().unique(),
    organisation: text('organisation'),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('address_book_name_idx').on(t.lastName, t.firstName)],
);
