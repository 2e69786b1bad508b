import { z } from 'zod';
import { refuseControlCharacters, refuseControlCharactersExceptLines } from '../text-rules';

/** Pieces every administration form shares, so that each refuses the same mistakes in the same words. */

export const entityId = z.number({ error: 'Identifiant invalide.' }).int().positive({ error: 'Identifiant invalide.' });

/** A parent, a queue, a qualification… that may be absent: null, never 0 or ''. */
export const optionalId = entityId.nullable().default(null);

export const idInput = z.object({ id: entityId });

/** A name shown in lists: trimmed, required, bounded. */
export const nameRule = (message: string, max = 100) =>
  refuseControlCharacters(
    z
      .string({ error: message })
      .trim()
      .min(1, { error: message })
      .max(max, { error: `${max} caractères au maximum.` }),
  );

/** Free text the administrator may leave blank: blank is stored as null (nothing to send, nothing to show). */
export const optionalLongText = (max: number) =>
  refuseControlCharactersExceptLines(z.string().max(max, { error: `${max} caractères au maximum.` }))
    .nullable()
    .default(null)
    .transform((text) => (text?.trim() ? text : null));

/** Where a node goes among its siblings: 0 is first; absent or past the end means last. */
export const siblingPosition = z.number().int().min(0, { error: 'Position invalide.' }).optional();

/** A list of ids given once each (members of a queue, the order of the rules). */
export const distinctIds = (message: string) =>
  z.array(entityId).refine((ids) => new Set(ids).size === ids.length, { error: message });
