import { z } from 'zod';
import type { CaseState } from './case-state';

/** PRODUCT.md "Actions and transitions": the codes written in the history and sent by the screens. */
export const caseActions = [
  'take',
  'save_draft',
  'submit_for_validation',
  'approve',
  'reject',
  'reply_keep_open',
  'reply_and_wait',
  'reply_and_close',
  'close',
  'assign_to_agent',
  'assign_to_me',
] as const;
export const caseActionSchema = z.enum(caseActions);
export type CaseAction = z.infer<typeof caseActionSchema>;

/** Where an action may start: a case in a state, or the case being created with it. */
export type CaseOrigin = CaseState | 'creation';

/** What a supervisor picks when accepting a held reply (PRODUCT.md: closed unless they choose otherwise). */
export const approveChoices = ['closed', 'waiting_contact'] as const satisfies readonly CaseState[];
export type ApproveChoice = (typeof approveChoices)[number];

/** French labels, used in refusal messages and by the renderer's French messages (English is translated there). */
export const caseActionLabels: Record<CaseAction, string> = {
  take: 'Accepter la prise en charge',
  save_draft: 'Brouillon',
  submit_for_validation: 'Validation',
  approve: 'Accepter la réponse',
  reject: 'Refuser la réponse',
  reply_keep_open: 'Répondre sans clore',
  reply_and_wait: 'Répondre et attendre',
  reply_and_close: 'Répondre et clore',
  close: 'Clore',
  assign_to_agent: 'A traiter par un autre agent',
  assign_to_me: 'A traiter',
};

export const caseStateLabels: Record<CaseState, string> = {
  todo: 'A traiter',
  todo_bis: 'A traiter (bis)',
  contact_replied: 'Retour contact',
  waiting_contact: 'Attente contact',
  in_validation: 'Validation (clos)',
  closed: 'Clos',
};
