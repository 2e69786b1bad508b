import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import { agentAccountMessages } from '../../../../shared/domain/admin/agent-account-schema';
import { formMessages } from '../../../../shared/domain/admin/form-schema';
import type { QualificationNode } from '../../../../shared/domain/admin/qualification-schema';
import { queueMessages } from '../../../../shared/domain/admin/queue-schema';
import { settingsMessages } from '../../../../shared/domain/admin/settings-schema';
import { treeMessages } from '../../../../shared/domain/admin/tree-messages';
import { templateMessages } from '../../../../shared/domain/template';
import { refusal, startDemoCore, type DemoCore } from './demo-core';

let demo: DemoCore;
let admin: Api;

beforeAll(async () => {
  demo = startDemoCore();
  admin = await demo.as('Admin Unified');
});
afterAll(() => demo.dispose());

/** The call is refused with this code and these field messages, and the database is as before. */
async function expectRefused(call: () => Promise<unknown>, code: string, fields?: Record<string, string>) {
  const before = demo.dump();
  const error = await refusal(call());
  expect(error.code).toBe(code);
  if (fields) expect(error.fields).toEqual(fields);
  expect(error.message).toMatch(/[a-zé]/);
  expect(demo.dump()).toEqual(before);
  return error;
}

const queueNamed = async (name: string) => (await admin.admin.queues()).find((q) => q.name === name);
const findNode = (nodes: QualificationNode[], label: string): QualificationNode | undefined =>
  nodes.map((n) => (n.label === label ? n : findNode(n.children, label))).find(Boolean);

describe('queues', () => {
  it('refuses a name already taken, whatever its case and accents', async () => {
    await expectRefused(() => admin.admin.createQueue({ name: 'reclamations', media: 'email', distribution: 'pull' }), 'validation', {
      name: queueMessages.nameTaken,
    });
  });

  it('refuses a schema mistake on its field before anything else', async () => {
    await expectRefused(
      () => admin.admin.createQueue({ name: 'Attente', media: 'email', distribution: 'pull', waitingDelayHours: 12 }),
      'validation',
      { waitingMessageText: queueMessages.delayWithoutMessage },
    );
  });

  it('refuses an administrator or an unknown agent as a member', async () => {
    const adminId = (await admin.session.current())?.id as number;
    const error = await expectRefused(
      () => admin.admin.createQueue({ name: 'Nouvelle', media: 'email', distribution: 'pull', memberIds: [adminId] }),
      'validation',
    );
    expect(error.fields?.memberIds).toBe('Admin Unified est administrateur : il ne traite pas de dossiers.');
    await expectRefused(
      () => admin.admin.createQueue({ name: 'Nouvelle', media: 'email', distribution: 'pull', memberIds: [999] }),
      'validation',
      { memberIds: 'Un des membres choisis n’existe pas.' },
    );
  });

  it('never deletes a queue that has cases, nor changes its media; deactivating takes it off the desks', async () => {
    const service = (await queueNamed('Service clients'))!;
    expect(service.caseCount).toBeGreaterThan(0);
    const error = await expectRefused(() => admin.admin.deleteQueue({ id: service.id }), 'refused');
    expect(error.message).toBe('Cette file contient des dossiers : désactivez-la plutôt que de la supprimer.');
    await expectRefused(() => admin.admin.updateQueue({ ...service, media: 'letter' }), 'refused', {
      media: 'Cette file contient des dossiers : son média ne peut plus changer.',
    });
    // The demo's mailbox feeds the queue: its mail would land where nobody looks.
    const feeding = await expectRefused(() => admin.admin.updateQueue({ ...service, active: false }), 'refused');
    expect(feeding.message).toMatch(/^La boîte aux lettres « Service clients » dépose son courrier dans cette file/);
    const [mailbox] = await admin.mailboxes.list();
    const { hasPassword: _hasPassword, ...settings } = mailbox!;
    const complaints = (await queueNamed('Réclamations'))!;
    await admin.mailboxes.update({ ...settings, queueId: complaints.id });
    await admin.admin.updateQueue({ ...service, active: false });
    const camille = await demo.as('Camille Martin');
    expect((await camille.desk.queues()).map((q) => q.name)).not.toContain('Service clients');
    const stillThere = demo.core.db.sqlite.prepare('SELECT count(*) AS n FROM cases WHERE queue_id = ?').get(service.id);
    expect(stillThere).toEqual({ n: service.caseCount });
    await admin.admin.updateQueue({ ...service, active: true });
    await admin.mailboxes.update(settings);
  });

  it('deletes an empty queue, unless an active routing rule sends mail to it', async () => {
    const empty = await admin.admin.createQueue({ name: 'Éphémère', media: 'phone', distribution: 'push' });
    const rule = await admin.admin.createRoutingRule({
      name: 'Vers éphémère',
      conditions: { conditions: [{ field: 'subject', operator: 'contains', value: 'tel' }] },
      queueId: empty.id,
    });
    const error = await expectRefused(() => admin.admin.deleteQueue({ id: empty.id }), 'refused');
    expect(error.message).toContain('« Vers éphémère »');
    await admin.admin.deleteRoutingRule({ id: rule.id });
    expect(await admin.admin.deleteQueue({ id: empty.id })).toBeNull();
    expect(await queueNamed('Éphémère')).toBeUndefined();
    await expectRefused(() => admin.admin.deleteQueue({ id: empty.id }), 'not_found');
  });
});

describe('qualification tree', () => {
  it('refuses a move under itself or one of its descendants', async () => {
    const tree = await admin.admin.qualifications();
    const billing = findNode(tree, 'Facturation')!;
    const error = findNode(tree, 'Erreur de facture')!;
    const move = (parentId: number) => () =>
      admin.admin.updateQualification({ id: billing.id, parentId, label: billing.label, active: true });
    await expectRefused(move(error.id), 'validation', { parentId: treeMessages.cycle });
    await expectRefused(move(billing.id), 'validation', { parentId: treeMessages.cycle });
    await expectRefused(move(99_999), 'validation', { parentId: treeMessages.parentMissing });
  });

  it('adds, renames, moves to a position and deactivates', async () => {
    let tree = await admin.admin.createQualification({ parentId: null, label: 'Fraude' });
    const fraud = findNode(tree, 'Fraude')!;
    const delivery = findNode(tree, 'Livraison')!;
    tree = await admin.admin.updateQualification({ id: fraud.id, parentId: delivery.id, label: 'Fraude au colis', active: false, position: 0 });
    expect(findNode(tree, 'Livraison')?.children.map((n) => [n.label, n.active])).toEqual([
      ['Fraude au colis', false],
      ['Retard de livraison', true],
      ['Colis endommagé', true],
      ['Changement d’adresse', true],
    ]);
    expect(tree.map((n) => n.label)).not.toContain('Fraude');
    await expectRefused(
      () => admin.admin.createQualification({ parentId: delivery.id, label: 'colis endommage' }),
      'validation',
      { label: treeMessages.siblingTaken },
    );
  });
});

describe('settings', () => {
  it('refuses a country code ISO 3166 does not assign, and stores a valid one', async () => {
    const settings = await admin.admin.settings();
    await expectRefused(() => admin.admin.updateSettings({ ...settings, defaultCountry: 'XX' }), 'validation', {
      defaultCountry: settingsMessages.country,
    });
    const saved = await admin.admin.updateSettings({ ...settings, defaultCountry: 'be', acknowledgementDailyLimit: 0 });
    expect(saved).toEqual({ defaultCountry: 'BE', acknowledgementDailyLimit: 0, localModelUrl: null, backupFolder: null, backupKeep: 7, replyToPolicy: 'noreply_only', defaultSendingMailboxId: 1, sessionIdleMinutes: 480 });
    const row = demo.core.db.sqlite.prepare(`SELECT value FROM settings WHERE key = 'default_country'`).get();
    expect(row).toEqual({ value: 'BE' });
    expect(await (await demo.as('Lucas Bernard')).admin.settings()).toEqual(saved);
  });
});

describe('agents', () => {
  it('creates an agent who signs in with the new password, and never shows a hash', async () => {
    const account = await admin.admin.createAgent({
      login: 'Paul.Dumas',
      displayName: 'Paul Dumas',
      role: 'agent',
      grants: ['change_recipient'],
      password: 'un-long-secret',
      signatureHtml: 'Paul Dumas\nComptabilité',
    });
    expect(account).toMatchObject({ login: 'paul.dumas', grants: ['change_recipient'], active: true, queueIds: [] });
    expect(account.signatureHtml).toBe('<p>Paul Dumas<br>Comptabilité</p>');
    expect(JSON.stringify(await admin.admin.agents())).not.toMatch(/scrypt|password/i);
    const paul = await demo.as('Paul Dumas', 'un-long-secret');
    expect((await paul.session.current())?.displayName).toBe('Paul Dumas');
    await admin.admin.setAgentPassword({ id: account.id, password: 'encore-plus-long' });
    await expect(demo.as('Paul Dumas', 'un-long-secret')).rejects.toMatchObject({ code: 'validation' });
    await demo.as('Paul Dumas', 'encore-plus-long');
  });

  it('refuses a login already used', async () => {
    await expectRefused(
      () => admin.admin.createAgent({ login: 'CAMILLE.MARTIN', displayName: 'Autre Camille', role: 'agent', password: 'motdepasse' }),
      'validation',
      { login: agentAccountMessages.loginTaken },
    );
  });

  it('refuses to leave the centre without an active administrator', async () => {
    const me = (await admin.admin.agents()).find((a) => a.login === 'admin')!;
    const input = { ...me, email: me.email ?? undefined };
    await expectRefused(() => admin.admin.updateAgent({ ...input, active: false }), 'refused', {
      active: agentAccountMessages.lastAdministrator,
    });
    await expectRefused(() => admin.admin.updateAgent({ ...input, role: 'supervisor' }), 'refused', {
      role: agentAccountMessages.lastAdministrator,
    });
  });

  it('refuses to deactivate an agent who still has cases in progress', async () => {
    const camille = (await admin.admin.agents()).find((a) => a.login === 'camille.martin')!;
    const error = await expectRefused(
      () => admin.admin.updateAgent({ ...camille, email: camille.email ?? undefined, active: false }),
      'refused',
    );
    expect(error.fields?.active).toMatch(/^Camille Martin a encore \d+ dossier\(s\) en cours : réaffectez-les d’abord\.$/);
  });
});

describe('forms', () => {
  it('never deletes a standard form, nor a form cases use', async () => {
    const forms = await admin.admin.forms();
    const email = forms.find((f) => f.media === 'email')!;
    await expectRefused(() => admin.admin.deleteForm({ id: email.id }), 'refused');
    await expectRefused(() => admin.admin.updateForm({ ...email, active: false }), 'refused', {
      active: formMessages.standardStaysActive,
    });
  });

  it('adds a custom form that keeps the required standard fields, then deletes it', async () => {
    const letter = (await admin.admin.forms()).find((f) => f.media === 'letter')!;
    const standard = letter.fields.filter((f) => f.required).map(({ id: _id, ...field }) => field);
    const custom = { key: 'claimType', label: 'Type de sinistre', type: 'select' as const, required: true, options: ['Dégât des eaux', 'Vol'] };
    await expectRefused(
      () => admin.admin.createForm({ name: 'Sinistre', media: 'letter', fields: [custom] }),
      'validation',
      { fields: `${formMessages.standardFieldMissing} « Civilité ».` },
    );
    const wrongType = standard.map((f) => (f.key === 'contact.lastName' ? { ...f, type: 'date' as const } : f));
    await expectRefused(() => admin.admin.createForm({ name: 'Sinistre', media: 'letter', fields: wrongType }), 'validation', {
      'fields.1.type': formMessages.standardTypeFixed,
    });
    const form = await admin.admin.createForm({ name: 'Sinistre', media: 'letter', fields: [...standard, custom] });
    expect(form).toMatchObject({ standard: false, active: true });
    expect(form.fields.map((f) => f.key)).toEqual([...standard.map((f) => f.key), 'claimType']);
    expect(form.fields[0]?.options).toEqual(['monsieur', 'madame', 'mademoiselle']);
    await expectRefused(() => admin.admin.createForm({ name: 'sinistre', media: 'phone', fields: standard }), 'validation', {
      name: formMessages.nameTaken,
    });
    expect(await admin.admin.deleteForm({ id: form.id })).toBeNull();
  });
});

describe('templates', () => {
  it('refuses an unknown placeholder and an empty theme’s deletion only when it holds something', async () => {
    const tree = await admin.admin.createTheme({ parentId: null, name: 'Vide' });
    const empty = tree.find((t) => t.name === 'Vide')!;
    const error = await expectRefused(
      () => admin.admin.createTemplate({ themeId: empty.id, title: 'T', bodyHtml: '<p>{{contact.email}}</p>' }),
      'validation',
    );
    expect(error.fields?.bodyHtml).toBe(templateMessages.unknownPlaceholder(['contact.email']));
    const billing = tree.find((t) => t.name === 'Facturation')!;
    await expectRefused(() => admin.admin.deleteTheme({ id: billing.id }), 'refused');
    await expectRefused(() => admin.admin.updateTheme({ id: billing.id, parentId: billing.children[0]!.id, name: 'Facturation' }), 'validation', {
      parentId: treeMessages.cycle,
    });
    expect((await admin.admin.deleteTheme({ id: empty.id })).map((t) => t.name)).not.toContain('Vide');
  });

  it('moves a template to another theme at a given position', async () => {
    const tree = await admin.admin.createTheme({ parentId: null, name: 'Divers' });
    const delivery = tree.find((t) => t.name === 'Livraison')!;
    const late = delivery.templates[0]!;
    const divers = tree.find((t) => t.name === 'Divers')!;
    const moved = await admin.admin.updateTemplate({ ...late, themeId: divers.id, position: 0 });
    expect(moved.title).toBe(late.title);
    await expectRefused(() => admin.admin.deleteTheme({ id: divers.id }), 'refused');
    const agentTree = await (await demo.as('Camille Martin')).templates.tree();
    expect(agentTree.find((t) => t.name === 'Divers')?.templates.map((t) => t.title)).toEqual([late.title]);
    expect(agentTree.find((t) => t.name === 'Livraison')?.templates.map((t) => t.title)).toEqual(['Colis endommagé']);
  });
});

describe('routing rules', () => {
  it('keeps them ordered, reorders the whole list and refuses a partial one', async () => {
    const rule = (name: string, value: string) =>
      admin.admin.createRoutingRule({
        name,
        conditions: { match: 'any', conditions: [{ field: 'from', operator: 'ends_with', value }] },
        priority: 5,
      });
    const first = await rule('Partenaires', '@partenaire.example.com');
    const second = await rule('Juridique', '@juridique.example.org');
    expect((await admin.admin.routingRules()).map((r) => [r.name, r.position])).toEqual([
      ['Partenaires', 0],
      ['Juridique', 1],
    ]);
    const reordered = await admin.admin.reorderRoutingRules({ ids: [second.id, first.id] });
    expect(reordered.map((r) => r.name)).toEqual(['Juridique', 'Partenaires']);
    await expectRefused(() => admin.admin.reorderRoutingRules({ ids: [first.id] }), 'validation', {
      ids: 'L’ordre doit reprendre chaque règle exactement une fois : rechargez la liste.',
    });
    await expectRefused(() => admin.admin.updateRoutingRule({ ...first, queueId: 999 }), 'validation', {
      queueId: 'Cette file n’existe pas ou est désactivée.',
    });
  });
});
