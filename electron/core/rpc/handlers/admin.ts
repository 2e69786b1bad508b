import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

/** Each service method checks the administrator itself, inside its transaction. */
export function adminHandlers({ admin }: Services): NamespaceHandlers<'admin'> {
  return {
    queues: () => admin.queues.list(),
    createQueue: (input, ctx) => admin.queues.create(input, ctx.agent),
    updateQueue: (input, ctx) => admin.queues.update(input, ctx.agent),
    deleteQueue: (input, ctx) => admin.queues.remove(input.id, ctx.agent),

    agents: (_input, ctx) => admin.agents.list(ctx.agent),
    createAgent: (input, ctx) => admin.agents.create(input, ctx.agent),
    updateAgent: (input, ctx) => admin.agents.update(input, ctx.agent),
    setAgentPassword: (input, ctx) => admin.agents.setPassword(input.id, input.password, ctx.agent),

    forms: () => admin.forms.list(),
    createForm: (input, ctx) => admin.forms.create(input, ctx.agent),
    updateForm: (input, ctx) => admin.forms.update(input, ctx.agent),
    deleteForm: (input, ctx) => admin.forms.remove(input.id, ctx.agent),

    qualifications: () => admin.qualifications.tree(),
    createQualification: (input, ctx) => admin.qualifications.create(input, ctx.agent),
    updateQualification: (input, ctx) => admin.qualifications.update(input, ctx.agent),

    createTheme: (input, ctx) => admin.templates.createTheme(input, ctx.agent),
    updateTheme: (input, ctx) => admin.templates.updateTheme(input, ctx.agent),
    deleteTheme: (input, ctx) => admin.templates.deleteTheme(input.id, ctx.agent),
    createTemplate: (input, ctx) => admin.templates.createTemplate(input, ctx.agent),
    updateTemplate: (input, ctx) => admin.templates.updateTemplate(input, ctx.agent),
    deleteTemplate: (input, ctx) => admin.templates.deleteTemplate(input.id, ctx.agent),

    routingRules: (_input, ctx) => admin.routingRules.list(ctx.agent),
    createRoutingRule: (input, ctx) => admin.routingRules.create(input, ctx.agent),
    updateRoutingRule: (input, ctx) => admin.routingRules.update(input, ctx.agent),
    deleteRoutingRule: (input, ctx) => admin.routingRules.remove(input.id, ctx.agent),
    reorderRoutingRules: (input, ctx) => admin.routingRules.reorder(input.ids, ctx.agent),

    settings: () => admin.settings.read(),
    updateSettings: (input, ctx) => admin.settings.update(input, ctx.agent),
  };
}
