import type { Contact } from '../../../../shared/domain/contact-schema';
import type { ContactCard } from '../../../../shared/domain/contact-view';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { contacts } from '../../db/schema';

type ContactRow = typeof contacts.$inferSelect;
export type ContactColumns = Omit<typeof contacts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

type OptionalField = Exclude<keyof Contact, 'civility' | 'lastName' | 'firstName' | 'country'>;

// A record rather than a list, so that a field added to the schema and forgotten here fails to compile.
const optionalFields = Object.keys({
  company: 1, street: 1, lieuDit: 1, residence: 1, building: 1, postalCode: 1, city: 1, birthDate: 1,
  mobile: 1, landline: 1, otherPhone: 1, fax: 1, email: 1, missingDocumentDate: 1, contactIdentifier: 1,
  contractNumber: 1, subscriberReference: 1, orderNumber: 1, comment: 1,
} satisfies Record<OptionalField, 1>) as OptionalField[];

/**
 * The columns of a contact as the form gave it. Every optional field is written, null when left
 * blank, so that an update clears what the agent erased; the country falls back on the setting.
 */
export function contactColumns(contact: Contact, defaultCountry: string): ContactColumns {
  const blanks = Object.fromEntries(optionalFields.map((field) => [field, contact[field] ?? null]));
  return {
    ...(blanks as Record<OptionalField, string | null>),
    civility: contact.civility,
    lastName: contact.lastName,
    firstName: contact.firstName,
    country: contact.country ?? defaultCountry,
    emailNormalized: contact.email ? normalizeEmail(contact.email) : null,
  };
}

export function toCard(row: ContactRow): ContactCard {
  const { emailNormalized: _normalized, ...card } = row;
  return card;
}

export const fullName = (contact: { firstName: string; lastName: string }) =>
  `${contact.firstName} ${contact.lastName}`.trim();
