import { z } from 'zod';
import { entityId, nameRule, optionalId, siblingPosition } from './admin-fields';

export const qualificationMessages = {
  labelRequired: 'Le libellé de la qualification est obligatoire.',
} as const;

export const qualificationCreateSchema = z.object({
  parentId: optionalId,
  label: nameRule(qualificationMessages.labelRequired),
});

/**
 * Rename, move (`parentId`, `position`) and deactivate in one call. Qualifications are never
 * deleted: closed cases keep the one they were given.
 */
export const qualificationUpdateSchema = qualificationCreateSchema.extend({
  id: entityId,
  position: siblingPosition,
  active: z.boolean(),
});
export type QualificationUpdate = z.output<typeof qualificationUpdateSchema>;

/** A node of the tree. An inactive node hides its whole subtree from the agents' pickers. */
export interface QualificationNode {
  id: number;
  label: string;
  active: boolean;
  children: QualificationNode[];
}

export const qualificationNodeSchema: z.ZodType<QualificationNode> = z.object({
  id: z.number().int(),
  label: z.string(),
  active: z.boolean(),
  get children() {
    return z.array(qualificationNodeSchema);
  },
});
