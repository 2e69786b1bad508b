import { z } from 'zod';
import { actResultSchema, caseDetailSchema, messageSourceSchema, notepadEntrySchema } from '../../domain/case-detail';
import { approveChoices, caseActionSchema } from '../../domain/case-actions';
import { replyInputSchema } from '../../domain/reply';
import { refuseControlCharactersExceptLines } from '../../domain/text-rules';
import { call } from '../define';

const caseId = z.number({ error: 'Dossier invalide.' }).int().positive({ error: 'Dossier invalide.' });
/** The version the screen read: a stale one is refused with `conflict`, nothing written. */
const version = z.number({ error: 'Version invalide.' }).int().positive({ error: 'Version invalide.' });

/**
 * One action of the case machine (PRODUCT.md "Actions and transitions"). The optional parts are read by
 * the actions that need them (the machine refuses a missing one in French); the others ignore them.
 */
export const caseActInputSchema = z.object({
  caseId,
  version,
  action: caseActionSchema,
  reply: replyInputSchema.optional(),
  /** The supervisor's reason for `reject`, added to the notepad. */
  comment: refuseControlCharactersExceptLines(z.string().max(5000, { error: '5000 caractères au maximum.' })).optional(),
  targetAgentId: z.number().int().positive({ error: 'Agent invalide.' }).optional(),
  /** `approve` only: where the case goes once the held reply is sent (closed when absent). */
  approveAs: z.enum(approveChoices).optional(),
});
export type CaseActInput = z.output<typeof caseActInputSchema>;

export const noteInputSchema = z.object({
  caseId,
  text: refuseControlCharactersExceptLines(
    z
      .string({ error: 'Saisissez la note.' })
      .trim()
      .min(1, { error: 'Saisissez la note.' })
      .max(5000, { error: '5000 caractères au maximum.' }),
  ),
});

export const qualificationInputSchema = z.object({
  caseId,
  version,
  qualificationId: z.number().int().positive({ error: 'Qualification invalide.' }).nullable(),
});

export const mergeInputSchema = z.object({
  masterId: caseId,
  caseIds: z
    .array(caseId)
    .min(1, { error: 'Choisissez au moins un dossier à fusionner.' })
    .max(50, { error: '50 dossiers au maximum.' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Un dossier figure deux fois.' }),
});

export const unmergeInputSchema = z.object({ masterId: caseId, caseId });

export const caseCalls = {
  get: call(z.object({ caseId }), caseDetailSchema),
  /** Answers where the case went and the case as the actor now reads it (null once out of their sight). */
  act: call(caseActInputSchema, actResultSchema),
  addNote: call(noteInputSchema, notepadEntrySchema),
  setQualification: call(qualificationInputSchema, actResultSchema),
  /** Supervisors only; answers the master as it reads afterwards. */
  merge: call(mergeInputSchema, caseDetailSchema),
  unmerge: call(unmergeInputSchema, caseDetailSchema),
  /** The raw message (incoming mail keeps it), for the thread's "Source" view. */
  messageSource: call(z.object({ messageId: z.number().int().positive({ error: 'Message invalide.' }) }), messageSourceSchema),
};
