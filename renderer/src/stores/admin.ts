import { defineStore } from 'pinia';
import type { z } from 'zod';
import { ref } from 'vue';
import type { AgentAccount, AgentCreateInput, AgentUpdateInput } from '../../../shared/domain/admin/agent-account-schema';
import type { FormCreateInput, FormView } from '../../../shared/domain/admin/form-schema';
import type { QualificationNode } from '../../../shared/domain/admin/qualification-schema';
import type { QueueInput, QueueView } from '../../../shared/domain/admin/queue-schema';
import type { RoutingRuleCreateInput, RoutingRuleView } from '../../../shared/domain/admin/routing-rule-schema';
import type { Settings, SettingsInput } from '../../../shared/domain/admin/settings-schema';
import type { MailboxSettingsInput, mailboxTestInputSchema, MailboxView } from '../../../shared/domain/mailbox';
import type { TemplateCreateInput, ThemeNode } from '../../../shared/domain/template';
import { api } from '../api';

/** An item the form edits: `id` absent means a new one. */
type Editing<T> = T & { id?: number };

/**
 * The administrator's set-up (PRODUCT.md "Roles"), as last read from the core. After each change the
 * touched lists are read again from the core, the authority: a screen never patches its own copy.
 * Failures reach the caller as the client's ApiError, for the form to show each message on its field.
 */
export const useAdminStore = defineStore('admin', () => {
  const queues = ref<QueueView[]>([]);
  const agents = ref<AgentAccount[]>([]);
  const mailboxes = ref<MailboxView[]>([]);
  const forms = ref<FormView[]>([]);
  const qualifications = ref<QualificationNode[]>([]);
  const themes = ref<ThemeNode[]>([]);
  const rules = ref<RoutingRuleView[]>([]);
  const settings = ref<Settings | null>(null);

  /** One loader per list, so a section asks only for what it shows. */
  const loaders = {
    queues: async () => void (queues.value = await api.admin.queues()),
    agents: async () => void (agents.value = await api.admin.agents()),
    mailboxes: async () => void (mailboxes.value = await api.mailboxes.list()),
    forms: async () => void (forms.value = await api.admin.forms()),
    qualifications: async () => void (qualifications.value = await api.admin.qualifications()),
    themes: async () => void (themes.value = await api.templates.tree()),
    rules: async () => void (rules.value = await api.admin.routingRules()),
    settings: async () => void (settings.value = await api.admin.settings()),
  };
  type ListName = keyof typeof loaders;

  async function load(...names: ListName[]): Promise<void> {
    await Promise.all(names.map((name) => loaders[name]()));
  }

  /** Runs a change, then re-reads the lists it touched; answers what the core saved. */
  async function change<T>(work: () => Promise<T>, ...touched: ListName[]): Promise<T> {
    const saved = await work();
    await load(...touched);
    return saved;
  }

  const saveQueue = ({ id, ...input }: Editing<QueueInput>) =>
    change(() => (id ? api.admin.updateQueue({ ...input, id }) : api.admin.createQueue(input)), 'queues');
  const deleteQueue = (id: number) => change(() => api.admin.deleteQueue({ id }), 'queues');

  const saveMailbox = ({ id, password, ...input }: Editing<MailboxSettingsInput> & { password?: string }) =>
    change(
      () => (id ? api.mailboxes.update({ ...input, id, password }) : api.mailboxes.create({ ...input, password: password ?? '' })),
      'mailboxes',
    );
  const testMailbox = (input: z.input<typeof mailboxTestInputSchema>) => api.mailboxes.test(input);

  const saveAgent = ({ id, password, ...input }: Editing<Omit<AgentUpdateInput, 'id'>> & { password?: string }) =>
    change(
      () => (id ? api.admin.updateAgent({ ...input, id }) : api.admin.createAgent({ ...input, password } as AgentCreateInput)),
      'agents',
    );
  const setAgentPassword = (id: number, password: string) => api.admin.setAgentPassword({ id, password });

  const saveForm = ({ id, ...input }: Editing<FormCreateInput>) =>
    change(() => (id ? api.admin.updateForm({ ...input, id }) : api.admin.createForm(input)), 'forms');
  const deleteForm = (id: number) => change(() => api.admin.deleteForm({ id }), 'forms');

  /** Tree calls answer with the whole new tree: it replaces ours without a second read. */
  const addQualification = async (parentId: number | null, label: string) =>
    void (qualifications.value = await api.admin.createQualification({ parentId, label }));
  const updateQualification = async (node: { id: number; parentId: number | null; label: string; active: boolean }) =>
    void (qualifications.value = await api.admin.updateQualification(node));

  const addTheme = async (parentId: number | null, name: string) =>
    void (themes.value = await api.admin.createTheme({ parentId, name }));
  const renameTheme = async (id: number, parentId: number | null, name: string) =>
    void (themes.value = await api.admin.updateTheme({ id, parentId, name }));
  const deleteTheme = async (id: number) => void (themes.value = await api.admin.deleteTheme({ id }));
  const saveTemplate = ({ id, ...input }: Editing<TemplateCreateInput>) =>
    change(() => (id ? api.admin.updateTemplate({ ...input, id }) : api.admin.createTemplate(input)), 'themes');
  const deleteTemplate = (id: number) => change(() => api.admin.deleteTemplate({ id }), 'themes');

  const saveRule = ({ id, ...input }: Editing<RoutingRuleCreateInput>) =>
    change(() => (id ? api.admin.updateRoutingRule({ ...input, id }) : api.admin.createRoutingRule(input)), 'rules');
  const deleteRule = (id: number) => change(() => api.admin.deleteRoutingRule({ id }), 'rules');
  const reorderRules = async (ids: number[]) => void (rules.value = await api.admin.reorderRoutingRules({ ids }));

  const saveSettings = async (input: SettingsInput) => void (settings.value = await api.admin.updateSettings(input));

  return {
    queues, agents, mailboxes, forms, qualifications, themes, rules, settings, load,
    saveQueue, deleteQueue, saveMailbox, testMailbox, saveAgent, setAgentPassword, saveForm, deleteForm,
    addQualification, updateQualification, addTheme, renameTheme, deleteTheme, saveTemplate, deleteTemplate,
    saveRule, deleteRule, reorderRules, saveSettings,
  };
});
