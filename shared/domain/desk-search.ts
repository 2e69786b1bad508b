import { z } from 'zod';
import { deskFiltersSchema, deskRowSchema, deskSchema } from './desk';

/**
 * `desk.search`: full-text search over cases, a call of its own rather than a `q` on `desk.list`,
 * because its order (relevance) and its rows (with a snippet) are not a desk's. Pages by offset:
 * relevance shifts as cases arrive, so there is no stable position to hand back anyway.
 */
export const deskSearchSchema = z.object({
  q: z
    .string({ error: 'Saisissez un texte à rechercher.' })
    .trim()
    .min(1, { error: 'Saisissez un texte à rechercher.' })
    .max(200, { error: 'Recherche trop longue (200 caractères au plus).' }),
  /** Search within one desk; absent, within every case the agent may see. */
  desk: deskSchema.optional(),
  filters: deskFiltersSchema.default({}),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(10_000).default(0),
});
export type DeskSearch = z.input<typeof deskSearchSchema>;

/** A piece of a snippet; `match` pieces are the words found, to highlight (no HTML crosses). */
export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const searchRowSchema = deskRowSchema.extend({
  snippet: z.array(snippetPartSchema),
  /** `case`: number, subject, question or contact's name; `message`: the text of a message. */
  matchedIn: z.enum(['case', 'message']),
});
export type SearchRow = z.infer<typeof searchRowSchema>;

export const searchPageSchema = z.object({
  rows: z.array(searchRowSchema),
  /** Every match in scope, all pages together. */
  total: z.number().int(),
  nextOffset: z.number().int().nullable(),
});
export type SearchPage = z.infer<typeof searchPageSchema>;
