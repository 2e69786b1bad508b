import { z } from 'zod';
import { civilitySchema, optionalText, requiredEmail, requiredText } from './field-rules';
import { singleLineText } from './text-rules';

/**
 * An address-book entry (PRODUCT.md "Address book"): the centre's contacts and the addresses agents copy in.
 * Only the address is required by PRODUCT.md; the last name is too, so every entry has something to be
 * listed and searched by. The first name is optional (a department, a shared mailbox) and comes out ''
 * rather than absent, as the table stores it non-null.
 */
export const addressBookEntrySchema = z.object({
  civility: civilitySchema,
  lastName: requiredText('Le nom est obligatoire.', 50),
  firstName: singleLineText(50).default(''),
  email: requiredEmail,
  organisation: optionalText(100),
});
export type AddressBookEntryInput = z.input<typeof addressBookEntrySchema>;
export type AddressBookEntry = z.output<typeof addressBookEntrySchema>;
