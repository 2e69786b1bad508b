import { z } from 'zod';
import { caseActionLabels, caseActionSchema } from '../case-actions';
import { distributionSchema, mediaSchema } from '../case-state';
import { distinctIds, entityId, nameRule, optionalId, optionalLongText } from './admin-fields';

export const queueMessages = {
  nameRequired: 'Le nom de la file est obligatoire.',
  nameTaken: 'Une file porte déjà ce nom.',
  duplicateMember: 'Un agent figure deux fois parmi les membres.',
  duplicateAction: 'Une action figure deux fois.',
  delayWithoutMessage: 'Saisissez le message d’attente envoyé une fois ce délai dépassé.',
  messageWithoutDelay: 'Indiquez le délai après lequel le message d’attente part.',
  keepOpenNeedsPull: `« ${caseActionLabels.reply_keep_open} » n’existe qu’en mode pull.`,
} as const;

/** A month: past it, a "waiting" message would announce nothing useful. */
const maxWaitingDelayHours = 24 * 31;

/**
 * A queue as the administrator sets it up (PRODUCT.md "Incoming routing", "Actions and transitions").
 * `allowedActions` null means every action of PRODUCT.md; a list restricts the queue to it.
 */
const queueFields = z.object({
  name: nameRule(queueMessages.nameRequired),
  media: mediaSchema,
  distribution: distributionSchema,
  /** The mailbox its replies leave from, for every media (a letter is answered by e-mail too); null: the default one. */
  mailboxId: optionalId,
  memberIds: distinctIds(queueMessages.duplicateMember).default([]),
  acknowledgementText: optionalLongText(5000),
  waitingMessageText: optionalLongText(5000),
  waitingDelayHours: z
    .number()
    .int()
    .min(1, { error: 'Au moins 1 heure.' })
    .max(maxWaitingDelayHours, { error: `${maxWaitingDelayHours} heures au maximum.` })
    .nullable()
    .default(null),
  allowedActions: z
    .array(caseActionSchema)
    .refine((actions) => new Set(actions).size === actions.length, { error: queueMessages.duplicateAction })
    .nullable()
    .default(null),
  active: z.boolean().default(true),
});
type QueueFields = z.output<typeof queueFields>;

function checkQueue(queue: QueueFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (queue.waitingDelayHours !== null && queue.waitingMessageText === null) {
    issue('waitingMessageText', queueMessages.delayWithoutMessage);
  }
  if (queue.waitingMessageText !== null && queue.waitingDelayHours === null) {
    issue('waitingDelayHours', queueMessages.messageWithoutDelay);
  }
  if (queue.distribution === 'push' && queue.allowedActions?.includes('reply_keep_open')) {
    issue('allowedActions', queueMessages.keepOpenNeedsPull);
  }
}

export const queueInputSchema = queueFields.superRefine(checkQueue);
export type QueueInput = z.input<typeof queueInputSchema>;
export type QueueSettings = z.output<typeof queueInputSchema>;

/** An update gives the whole queue again: what the form shows is what gets stored. */
export const queueUpdateSchema = queueFields.extend({ id: entityId }).superRefine(checkQueue);
export type QueueUpdate = z.output<typeof queueUpdateSchema>;

export const queueViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  media: mediaSchema,
  distribution: distributionSchema,
  mailboxId: z.number().int().nullable(),
  memberIds: z.array(z.number().int()),
  acknowledgementText: z.string().nullable(),
  waitingMessageText: z.string().nullable(),
  waitingDelayHours: z.number().int().nullable(),
  allowedActions: z.array(caseActionSchema).nullable(),
  active: z.boolean(),
  /** Cases ever filed in the queue: a queue with cases can be deactivated, not deleted. */
  caseCount: z.number().int(),
});
export type QueueView = z.infer<typeof queueViewSchema>;
