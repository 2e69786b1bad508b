import { z } from 'zod';

/** PRODUCT.md "Case states". Labels live in the renderer's messages (French first). */
export const caseStates = [
  'todo',
  'todo_bis',
  'contact_replied',
  'waiting_contact',
  'in_validation',
  'closed',
] as const;
export const caseStateSchema = z.enum(caseStates);
export type CaseState = z.infer<typeof caseStateSchema>;

/** States from which the reply actions are offered ("open states" in PRODUCT.md). */
export const openStates = ['todo', 'todo_bis', 'contact_replied'] as const satisfies readonly CaseState[];

export const medias = ['email', 'letter', 'phone'] as const;
export const mediaSchema = z.enum(medias);
export type Media = z.infer<typeof mediaSchema>;

export const distributionModes = ['pull', 'push'] as const;
export const distributionSchema = z.enum(distributionModes);
export type Distribution = z.infer<typeof distributionSchema>;
