import { z } from 'zod';
import { caseStateSchema, mediaSchema } from './case-state';
import { contactSchema, type ContactInput } from './contact-schema';
import { civilities } from './field-rules';
import { formatFrenchDate } from './french-date';

/**
 * What the `contacts` calls take and give (PRODUCT.md "Consulting a case and a contact"). The field rules
 * themselves are in contact-schema.ts.
 */

const contactId = z.number({ error: 'Contact invalide.' }).int().positive({ error: 'Contact invalide.' });

/**
 * A form the core judges with its own clock (a birth date must be in the past of the core's
 * "today", which tests fix): the contract only checks that an object came and gives it its type;
 * the service then parses it with the same schema factory the renderer's form uses.
 */
export const judgedByCore = <T>() =>
  z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    error: 'Formulaire attendu.',
  });

export const contactIdInput = z.object({ contactId });
export const contactCreateInput = judgedByCore<ContactInput>();
/** An update gives the whole card again: what the form shows is what gets stored. */
export const contactUpdateSchema = ({ today }: { today: Date }) => contactSchema({ today }).extend({ contactId });
export type ContactUpdateInput = z.input<ReturnType<typeof contactUpdateSchema>>;
export const contactUpdateInput = judgedByCore<ContactUpdateInput>();

export const contactSearchInput = z.object({
  q: z.string().trim().min(1, { error: 'Saisissez un nom, une adresse, un numéro…' }).max(200),
  limit: z.number().int().min(1).max(100).default(20),
});

/** While the agent types an address: who already has it (not the contact being edited). */
export const emailCheckInput = z.object({
  email: z.string().max(254),
  exceptContactId: contactId.optional(),
});

const text = z.string().nullable();

/** The contact card: every field of the contact schema, dates ISO, absent values null. */
export const contactCardSchema = z.object({
  id: z.number().int(),
  civility: z.enum(civilities),
  lastName: z.string(),
  firstName: z.string(),
  company: text,
  street: text,
  lieuDit: text,
  residence: text,
  building: text,
  postalCode: text,
  city: text,
  country: z.string(),
  birthDate: text,
  mobile: text,
  landline: text,
  otherPhone: text,
  fax: text,
  email: text,
  missingDocumentDate: text,
  contactIdentifier: text,
  contractNumber: text,
  subscriberReference: text,
  orderNumber: text,
  comment: text,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactCard = z.infer<typeof contactCardSchema>;

/** A line of the search results: enough to tell two Dupont apart. */
export const contactSummarySchema = contactCardSchema.pick({
  id: true,
  civility: true,
  lastName: true,
  firstName: true,
  company: true,
  email: true,
  mobile: true,
  landline: true,
  postalCode: true,
  city: true,
  contractNumber: true,
  subscriberReference: true,
  orderNumber: true,
});
export type ContactSummary = z.infer<typeof contactSummarySchema>;

/** A line of the contact's history: date, number, media, first subject, current state. */
export const contactCaseSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  receivedAt: z.string(),
  media: mediaSchema,
  subject: z.string(),
  state: caseStateSchema,
});
export type ContactCase = z.infer<typeof contactCaseSchema>;

/** The card as the form's values (JJ/MM/AAAA dates, '' for blanks): the pre-filled "CRÉER DOSSIER" form. */
export function contactFormValues(card: ContactCard): Required<ContactInput> {
  const value = (field: string | null) => field ?? '';
  const date = (iso: string | null) => (iso ? formatFrenchDate(iso) : '');
  return {
    civility: card.civility,
    lastName: card.lastName,
    firstName: card.firstName,
    company: value(card.company),
    street: value(card.street),
    lieuDit: value(card.lieuDit),
    residence: value(card.residence),
    building: value(card.building),
    postalCode: value(card.postalCode),
    city: value(card.city),
    country: card.country,
    birthDate: date(card.birthDate),
    mobile: value(card.mobile),
    landline: value(card.landline),
    otherPhone: value(card.otherPhone),
    fax: value(card.fax),
    email: value(card.email),
    missingDocumentDate: date(card.missingDocumentDate),
    contactIdentifier: value(card.contactIdentifier),
    contractNumber: value(card.contractNumber),
    subscriberReference: value(card.subscriberReference),
    orderNumber: value(card.orderNumber),
    comment: value(card.comment),
  };
}
