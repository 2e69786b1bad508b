import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import { refusal, startDemoCore, type DemoCore } from './demo-core';

let demo: DemoCore;
let camille: Api;
let sophie: Api;

beforeAll(async () => {
  demo = startDemoCore();
  camille = await demo.as('Camille Martin');
  sophie = await demo.as('Sophie Durand');
});
afterAll(() => demo.dispose());

/** Valid inputs, so that only the role can be what refuses them. */
const mutations: Array<[string, (api: Api) => Promise<unknown>]> = [
  ['createQueue', (api) => api.admin.createQueue({ name: 'Litiges', media: 'email', distribution: 'pull' })],
  ['updateQueue', (api) => api.admin.updateQueue({ id: 1, name: 'Renommée', media: 'email', distribution: 'pull' })],
  ['deleteQueue', (api) => api.admin.deleteQueue({ id: 2 })],
  ['createAgent', (api) => api.admin.createAgent({ login: 'eve', displayName: 'Eve', role: 'administrator', password: 'motdepasse' })],
  ['updateAgent', (api) => api.admin.updateAgent({ id: 1, login: 'camille.martin', displayName: 'Camille', role: 'supervisor' })],
  ['setAgentPassword', (api) => api.admin.setAgentPassword({ id: 4, password: 'pirate123' })],
  ['createForm', (api) => api.admin.createForm({ name: 'Sinistre', media: 'letter', fields: [] })],
  ['deleteForm', (api) => api.admin.deleteForm({ id: 1 })],
  ['createQualification', (api) => api.admin.createQualification({ parentId: null, label: 'Fraude' })],
  ['updateQualification', (api) => api.admin.updateQualification({ id: 1, parentId: null, label: 'X', active: false })],
  ['createTheme', (api) => api.admin.createTheme({ parentId: null, name: 'Divers' })],
  ['deleteTheme', (api) => api.admin.deleteTheme({ id: 1 })],
  ['createTemplate', (api) => api.admin.createTemplate({ themeId: 1, title: 'T', bodyHtml: '<p>Bonjour</p>' })],
  ['deleteTemplate', (api) => api.admin.deleteTemplate({ id: 1 })],
  ['createRoutingRule', (api) =>
    api.admin.createRoutingRule({
      name: 'Urgent',
      conditions: { conditions: [{ field: 'subject', operator: 'contains', value: 'urgent' }] },
      priority: 9,
    })],
  ['reorderRoutingRules', (api) => api.admin.reorderRoutingRules({ ids: [] })],
  ['updateSettings', (api) => api.admin.updateSettings({ defaultCountry: 'BE', acknowledgementDailyLimit: 1, localModelUrl: null, defaultSendingMailboxId: null })],
];

describe('administration calls refused to agents and supervisors', () => {
  it.each(mutations)('%s: forbidden in French, and nothing written', async (_name, mutate) => {
    for (const api of [camille, sophie]) {
      const before = demo.dump();
      const error = await refusal(mutate(api));
      expect(error.code).toBe('forbidden');
      expect(error.message).toBe('Seul un administrateur peut modifier la configuration du centre.');
      expect(demo.dump()).toEqual(before);
    }
  });

  it('keeps the agents’ accounts and the routing rules for administrators', async () => {
    expect((await refusal(camille.admin.agents())).code).toBe('forbidden');
    expect((await refusal(sophie.admin.routingRules())).code).toBe('forbidden');
  });

  it('opens to every agent the lists needed to create and qualify cases', async () => {
    const queues = await camille.admin.queues();
    expect(queues.map((q) => q.name)).toEqual(['Réclamations', 'Service clients']);
    const forms = await camille.admin.forms();
    expect(forms.map((f) => [f.name, f.media, f.standard])).toEqual([
      ['Courrier', 'letter', true],
      ['E-mail', 'email', true],
      ['Téléphone', 'phone', true],
    ]);
    expect(forms[1]?.fields.find((f) => f.key === 'contact.email')?.required).toBe(true);
    const tree = await camille.admin.qualifications();
    expect(tree.map((q) => q.label)).toEqual([
      'Facturation', 'Livraison', 'Contrat', 'Réclamation', 'Demande d’information',
    ]);
    expect(tree[0]?.children.map((q) => q.label)).toEqual(['Erreur de facture', 'Remboursement', 'Échéancier de paiement']);
    expect(await camille.admin.settings()).toEqual({ defaultCountry: 'FR', acknowledgementDailyLimit: 3, localModelUrl: null, backupFolder: null, backupKeep: 7, replyToPolicy: 'noreply_only', defaultSendingMailboxId: 1, sessionIdleMinutes: 480 });
  });

  it('refuses a signed-out window before any rule', async () => {
    const connection = demo.core.connect();
    const result = await connection.call('admin.createQueue', { name: 'X', media: 'email', distribution: 'pull' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('an administrator demoted while signed in', () => {
  it('loses the right at the next call, whatever the session remembers', async () => {
    const admin = await demo.as('Admin Unified');
    const created = await admin.admin.createAgent({
      login: 'second.admin', displayName: 'Second Admin', role: 'administrator', password: 'motdepasse',
    });
    const second = await demo.as('Second Admin', 'motdepasse');
    await second.admin.createTheme({ parentId: null, name: 'Divers' });
    await admin.admin.updateAgent({ ...created, email: created.email ?? undefined, role: 'supervisor' });
    const before = demo.dump();
    expect((await refusal(second.admin.createTheme({ parentId: null, name: 'Autre' }))).code).toBe('forbidden');
    expect(demo.dump()).toEqual(before);
  });
});
