import { z } from 'zod';
import { refuseControlCharacters } from '../text-rules';
import { distinctIds, entityId, nameRule, optionalId } from './admin-fields';

/** Same shapes as the `routing_rules.conditions` JSON column (the core assigns one to the other). */
export const routingFields = ['from', 'to', 'cc', 'subject', 'body'] as const;
export const routingOperators = ['contains', 'not_contains', 'equals', 'starts_with', 'ends_with'] as const;

export const routingMessages = {
  nameRequired: 'Le nom de la règle est obligatoire.',
  valueRequired: 'Saisissez la valeur recherchée.',
  conditionRequired: 'Une règle a au moins une condition.',
  resultRequired: 'Une règle choisit au moins une file, une qualification ou une priorité.',
  queueMissing: 'Cette file n’existe pas ou est désactivée.',
  qualificationMissing: 'Cette qualification n’existe pas ou est désactivée.',
  reorderMismatch: 'L’ordre doit reprendre chaque règle exactement une fois : rechargez la liste.',
  duplicateRule: 'Une règle figure deux fois.',
} as const;

export const routingConditionSchema = z.object({
  field: z.enum(routingFields),
  operator: z.enum(routingOperators),
  value: refuseControlCharacters(z.string().trim().min(1, { error: routingMessages.valueRequired }).max(500)),
});

/** 0 is the default of every case; a rule may raise it up to 9 (most urgent). */
export const routingPrioritySchema = z.number().int().min(0).max(9, { error: 'Priorité de 0 à 9.' });

const ruleFields = z.object({
  name: nameRule(routingMessages.nameRequired),
  active: z.boolean().default(true),
  conditions: z.object({
    match: z.enum(['all', 'any']).default('all'),
    conditions: z.array(routingConditionSchema).min(1, { error: routingMessages.conditionRequired }).max(20),
  }),
  queueId: optionalId,
  qualificationId: optionalId,
  priority: routingPrioritySchema.nullable().default(null),
});
type RuleFields = z.output<typeof ruleFields>;

function checkResult(rule: RuleFields, ctx: z.RefinementCtx): void {
  if (rule.queueId === null && rule.qualificationId === null && rule.priority === null) {
    ctx.addIssue({ code: 'custom', path: ['queueId'], message: routingMessages.resultRequired });
  }
}

export const routingRuleCreateSchema = ruleFields.superRefine(checkResult);
export type RoutingRuleCreateInput = z.input<typeof routingRuleCreateSchema>;
export const routingRuleUpdateSchema = ruleFields.extend({ id: entityId }).superRefine(checkResult);
export type RoutingRuleSettings = RuleFields;

/** The whole list in its new order: a partial list would leave positions ambiguous. */
export const routingReorderSchema = z.object({ ids: distinctIds(routingMessages.duplicateRule) });

export const routingRuleViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  conditions: z.object({
    match: z.enum(['all', 'any']),
    conditions: z.array(routingConditionSchema),
  }),
  queueId: z.number().int().nullable(),
  qualificationId: z.number().int().nullable(),
  priority: z.number().int().nullable(),
});
export type RoutingRuleView = z.infer<typeof routingRuleViewSchema>;
