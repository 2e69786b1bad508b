import { z } from 'zod';
import { optionalEmail } from './field-rules';

/**
 * Why a message of the sync was set aside rather than filed in a case (PRODUCT.md "Incoming messages": a
 * visible quarantine, never dropped). The database keeps the code; each screen words it in its
 * language (French here, for the core's answers; English in the renderer's messages).
 */
export const quarantineCodes = [
  /** The source cannot be read as a message (empty, not starting with a header, MIME that fails). */
  'unparseable',
  /** Neither From nor Reply-To gives an address: no contact to file it for. */
  'no_sender',
  /** Sent from one of the centre's own addresses and answering no case: filing it would make the centre its own contact. */
  'own_address',
  /** Filing stopped on an error nobody expected (a bug, a broken configuration). */
  'filing_failed',
  /** A row written before reasons had codes: its French text is the detail. */
  'other',
] as const;
export const quarantineCodeSchema = z.enum(quarantineCodes);
export type QuarantineCode = z.infer<typeof quarantineCodeSchema>;

/** A code and, when there is one, the technical detail behind it (a parser's or a filing error's own words). */
export interface QuarantineReason {
  code: QuarantineCode;
  detail?: string | undefined;
}

export const quarantineReasonTexts: Readonly<Record<QuarantineCode, string>> = {
  unparseable: 'Message illisible : sa source n’a pas pu être analysée comme un e-mail.',
  no_sender: 'Message sans expéditeur (ni From ni Reply-To) : impossible de le rattacher à un contact.',
  own_address: 'Message envoyé depuis une adresse du centre et ne répondant à aucun dossier : le classer ferait du centre son propre contact.',
  filing_failed: 'Classement interrompu par une erreur inattendue.',
  other: 'Autre motif.',
};

export const quarantineIdInput = z.object({
  id: z.number({ error: 'Message en quarantaine invalide.' }).int().positive({ error: 'Message en quarantaine invalide.' }),
});

/** Newest first, by pages: `before` is the `next` of the previous page. */
export const quarantineListInput = z.object({
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * One message in quarantine as the screen lists it. Date, sender and subject are read from the
 * stored source's headers when the list is asked (null or empty when they cannot be read); `size`
 * is the stored source's, null when the file is gone from the data folder.
 */
export const quarantineEntrySchema = z.object({
  id: z.number().int(),
  mailbox: z.object({ id: z.number().int(), name: z.string(), address: z.string() }),
  /** When the sync set it aside. */
  quarantinedAt: z.string(),
  /** The message's Date header, ISO 8601. */
  date: z.string().nullable(),
  sender: z.object({ name: z.string().optional(), address: z.string() }).nullable(),
  subject: z.string(),
  reason: z.object({ code: quarantineCodeSchema, text: z.string(), detail: z.string().nullable() }),
  size: z.number().int().nullable(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;

export const quarantinePageSchema = z.object({
  entries: z.array(quarantineEntrySchema),
  /** `before` for the next page; null on the last one. */
  next: z.number().int().nullable(),
});
export type QuarantinePage = z.infer<typeof quarantinePageSchema>;

export const quarantineCountSchema = z.object({ count: z.number().int().nonnegative() });

/** « Réessayer »: filed at last, or still in quarantine with the reason it has now. */
export const quarantineRetrySchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('filed'), caseId: z.number().int(), number: z.string() }),
  z.object({ outcome: z.literal('quarantined'), entry: quarantineEntrySchema }),
]);
export type QuarantineRetry = z.infer<typeof quarantineRetrySchema>;

/**
 * « Créer un dossier » from a message in quarantine, in the queue chosen. The contact is the
 * message's sender unless `contactEmail` names another one (required when the message has none).
 */
export const quarantineCreateCaseInput = quarantineIdInput.extend({
  queueId: z.number({ error: 'Choisissez une file.' }).int().positive({ error: 'Choisissez une file.' }),
  contactEmail: optionalEmail,
});
export type QuarantineCreateCaseInput = z.input<typeof quarantineCreateCaseInput>;

export const quarantineQueueSchema = z.object({ id: z.number().int(), name: z.string() });
export type QuarantineQueue = z.infer<typeof quarantineQueueSchema>;

export const createdCaseSchema = z.object({ caseId: z.number().int(), number: z.string() });
