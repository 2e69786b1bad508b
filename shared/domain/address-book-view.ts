import { z } from 'zod';
import { addressBookEntrySchema } from './address-book-schema';
import { civilities } from './field-rules';

/**
 * What the `addressBook` calls take and give (PRODUCT.md "Address book"). The entry's field rules are in
 * address-book-schema.ts; the dispatcher applies them, so a refusal names the exact field.
 */

const entryId = z.number({ error: 'Adresse invalide.' }).int().positive({ error: 'Adresse invalide.' });

/** An entry as listed: the composer's CC/BCC picker reads the same shape. */
export const addressBookEntryView = z.object({
  id: z.number().int(),
  civility: z.enum(civilities),
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
  /** The contact card with the same address, when there is one. */
  contactId: z.number().int().nullable(),
});
export type AddressBookEntryView = z.infer<typeof addressBookEntryView>;

export const addressBookSearchInput = z.object({
  /** Blank lists the whole book (alphabetical), `limit` first entries. */
  query: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type AddressBookSearchInput = z.input<typeof addressBookSearchInput>;

export const addressBookIdInput = z.object({ id: entryId });
/** An update gives the whole entry again: what the form shows is what gets stored. */
export const addressBookUpdateInput = addressBookEntrySchema.extend({ id: entryId });
export type AddressBookUpdateInput = z.input<typeof addressBookUpdateInput>;

export const addressBookFormats = ['csv', 'vcard'] as const;
export type AddressBookFormat = (typeof addressBookFormats)[number];
const formatSchema = z.enum(addressBookFormats, { error: 'Format attendu : CSV ou vCard.' });

/**
 * 2 Mo of text is some 20 000 entries: more than a centre's book, small enough to parse and check in
 * one synchronous transaction without freezing the core for other windows.
 */
export const importMaxChars = 2 * 1024 * 1024;
export const importTooLarge = 'Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.';

export const addressBookImportInput = z.object({
  format: formatSchema,
  fileName: z.string().max(255),
  content: z.string().max(importMaxChars, { error: importTooLarge }),
});
export type AddressBookImportInput = z.input<typeof addressBookImportInput>;

export const importRefusalSchema = z.object({
  /** The line of the file where the row (CSV) or the card (`BEGIN:VCARD`) starts. */
  line: z.number().int(),
  /** In French: the field and its rule. */
  reason: z.string(),
  /** What the file had in the refused field (or the row's address when the problem is the row). */
  value: z.string(),
});
export type ImportRefusal = z.infer<typeof importRefusalSchema>;

/**
 * An address already in the book takes the values the file gives (an export corrected in a
 * spreadsheet and imported again must take effect) and keeps those the file leaves blank; one
 * left as it was counts as `unchanged`.
 */
export const importReportSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.array(importRefusalSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const addressBookExportInput = z.object({ format: formatSchema });
export const exportedFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;
