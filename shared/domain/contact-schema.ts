import { z } from 'zod';
import {
  birthDateRule,
  civilitySchema,
  countryRule,
  frenchDateRule,
  optionalEmail,
  optionalField,
  optionalMultiLineText,
  optionalText,
  phoneRule,
  requiredText,
} from './field-rules';

export const contactMessages = {
  lastNameRequired: 'Le nom est obligatoire.',
  firstNameRequired: 'Le prénom est obligatoire.',
} as const;

/**
 * The contact fields of the standard form (seed "Créer un dossier"), used by the renderer's form and
 * by the core. A factory because the birth date is judged against `today`: the caller's clock, so tests
 * are deterministic. Dates go in as JJ/MM/AAAA and come out ISO; blank optional fields come out absent.
 * `country` stays absent when not given: the core fills the default from the settings.
 */
export function contactSchema({ today }: { today: Date }) {
  return z.object({
    civility: civilitySchema,
    lastName: requiredText(contactMessages.lastNameRequired, 100),
    firstName: requiredText(contactMessages.firstNameRequired, 100),
    company: optionalText(100),
    street: optionalText(200),
    lieuDit: optionalText(100),
    residence: optionalText(100),
    building: optionalText(100),
    // Seed: no consistency check between the postal code and the city.
    postalCode: optionalText(20),
    city: optionalText(100),
    country: countryRule,
    birthDate: optionalField(birthDateRule(today)),
    mobile: phoneRule,
    landline: phoneRule,
    otherPhone: phoneRule,
    fax: phoneRule,
    email: optionalEmail,
    // "Informations contact": all optional.
    missingDocumentDate: optionalField(frenchDateRule()),
    contactIdentifier: optionalText(100),
    contractNumber: optionalText(100),
    subscriberReference: optionalText(100),
    orderNumber: optionalText(100),
    comment: optionalMultiLineText(5000),
  });
}
export type ContactSchema = ReturnType<typeof contactSchema>;
export type ContactInput = z.input<ContactSchema>;
export type Contact = z.output<ContactSchema>;
