import { z } from 'zod';
import { formFieldTypeSchema } from '../../domain/admin/form-schema';
import { qualificationNodeSchema } from '../../domain/admin/qualification-schema';
import { agentSummarySchema } from '../../domain/agent';
import { caseActionSchema } from '../../domain/case-actions';
import type { CaseCreationInput } from '../../domain/case-creation-schema';
import { caseStateSchema, distributionSchema, mediaSchema } from '../../domain/case-state';
import { judgedByCore } from '../../domain/contact-view';
import { call, none } from '../define';

const id = z.number().int();

const creationFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: formFieldTypeSchema,
  required: z.boolean(),
  options: z.array(z.string()).nullable(),
});

/**
 * Everything the creation form offers. It is also the `catalogue` of `caseCreationSchema`, so the
 * form checks the cross-field rules (queue media, actions per queue) as the core will.
 */
export const creationOptionsSchema = z.object({
  forms: z.array(z.object({ id, name: z.string(), media: mediaSchema, standard: z.boolean(), fields: z.array(creationFieldSchema) })),
  /** The queues the agent may file into, with the creation actions each allows (queue mode, administrator's list). */
  queues: z.array(z.object({ id, name: z.string(), media: mediaSchema, mode: distributionSchema, actions: z.array(caseActionSchema) })),
  /** Active qualifications only. */
  qualifications: z.array(qualificationNodeSchema),
  /** Who "A traiter par un autre agent" may name: the other active agents and supervisors. */
  agents: z.array(agentSummarySchema),
  defaultCountry: z.string(),
});
export type CreationOptions = z.infer<typeof creationOptionsSchema>;

export const creationResultSchema = z.object({
  caseId: id,
  number: z.string(),
  contactId: id,
  state: caseStateSchema,
  desk: z.enum(['in_progress', 'processed', 'validation', 'queue']),
  assigneeId: id.nullable(),
  version: id,
  /** Seed: "un message vous informant de la réussite de l'action". */
  message: z.string(),
});
export type CreationResult = z.infer<typeof creationResultSchema>;

/**
 * Case creation (seed "Créer un dossier"). `submit` is judged by the core with `caseCreationSchema`
 * (its clock, its lists); a contact whose address another card has is refused with `conflict` and
 * that card's id in `fields['contact.existingContactId']`.
 */
export const creationCalls = {
  options: call(none, creationOptionsSchema),
  submit: call(judgedByCore<CaseCreationInput>(), creationResultSchema),
};
