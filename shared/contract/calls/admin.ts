import { z } from 'zod';
import { idInput } from '../../domain/admin/admin-fields';
import {
  agentAccountSchema,
  agentCreateSchema,
  agentPasswordSchema,
  agentUpdateSchema,
} from '../../domain/admin/agent-account-schema';
import { formCreateSchema, formUpdateSchema, formViewSchema } from '../../domain/admin/form-schema';
import {
  qualificationCreateSchema,
  qualificationNodeSchema,
  qualificationUpdateSchema,
} from '../../domain/admin/qualification-schema';
import { queueInputSchema, queueUpdateSchema, queueViewSchema } from '../../domain/admin/queue-schema';
import {
  routingReorderSchema,
  routingRuleCreateSchema,
  routingRuleUpdateSchema,
  routingRuleViewSchema,
} from '../../domain/admin/routing-rule-schema';
import { settingsSchema } from '../../domain/admin/settings-schema';
import {
  templateCreateSchema,
  templateSummarySchema,
  templateUpdateSchema,
  themeCreateSchema,
  themeNodeSchema,
  themeUpdateSchema,
} from '../../domain/template';
import { call, none } from '../define';

const qualificationTree = z.array(qualificationNodeSchema);
const themeTree = z.array(themeNodeSchema);

/**
 * The administrator's set-up (PRODUCT.md "Roles"). Every mutation, and the lists of agents and rules, is
 * refused (`forbidden`) to anyone but an administrator. The lists agents need to create and qualify
 * cases (queues, forms, qualifications, settings) are open to every signed-in agent.
 */
export const adminCalls = {
  queues: call(none, z.array(queueViewSchema)),
  createQueue: call(queueInputSchema, queueViewSchema),
  updateQueue: call(queueUpdateSchema, queueViewSchema),
  /** Refused when the queue has cases: deactivate it instead. */
  deleteQueue: call(idInput, z.null()),

  agents: call(none, z.array(agentAccountSchema)),
  createAgent: call(agentCreateSchema, agentAccountSchema),
  updateAgent: call(agentUpdateSchema, agentAccountSchema),
  setAgentPassword: call(agentPasswordSchema, z.null()),

  forms: call(none, z.array(formViewSchema)),
  createForm: call(formCreateSchema, formViewSchema),
  updateForm: call(formUpdateSchema, formViewSchema),
  /** Refused for a standard form and for a form cases use. */
  deleteForm: call(idInput, z.null()),

  /** Tree mutations answer with the whole tree, as the screen shows it. */
  qualifications: call(none, qualificationTree),
  createQualification: call(qualificationCreateSchema, qualificationTree),
  updateQualification: call(qualificationUpdateSchema, qualificationTree),

  createTheme: call(themeCreateSchema, themeTree),
  updateTheme: call(themeUpdateSchema, themeTree),
  /** Refused while the theme holds templates or sub-themes. */
  deleteTheme: call(idInput, themeTree),
  createTemplate: call(templateCreateSchema, templateSummarySchema),
  updateTemplate: call(templateUpdateSchema, templateSummarySchema),
  deleteTemplate: call(idInput, z.null()),

  routingRules: call(none, z.array(routingRuleViewSchema)),
  createRoutingRule: call(routingRuleCreateSchema, routingRuleViewSchema),
  updateRoutingRule: call(routingRuleUpdateSchema, routingRuleViewSchema),
  deleteRoutingRule: call(idInput, z.null()),
  reorderRoutingRules: call(routingReorderSchema, z.array(routingRuleViewSchema)),

  settings: call(none, settingsSchema),
  updateSettings: call(settingsSchema, settingsSchema),
};
