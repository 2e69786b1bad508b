import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import type { ThemeNode } from '../../../../shared/domain/template';
import { startDemoCore, type DemoCore } from './demo-core';

let demo: DemoCore;
let admin: Api;
let camille: Api;

beforeAll(async () => {
  demo = startDemoCore();
  admin = await demo.as('Admin Unified');
  camille = await demo.as('Camille Martin');
});
afterAll(() => demo.dispose());

const flatten = (nodes: ThemeNode[]): ThemeNode[] => nodes.flatMap((node) => [node, ...flatten(node.children)]);

/** A demo case by subject, read from Camille's desks through the contract. */
async function caseOf(api: Api, subject: string) {
  const rows = (await api.desk.list({ desk: { kind: 'in_progress' } })).rows;
  const found = rows.find((row) => row.subject === subject);
  if (!found) throw new Error(`no case "${subject}" on the desk`);
  return found;
}

describe('the administrator sets up, the agent uses it', () => {
  it('a new pull queue with members shows on its members’ queue list only', async () => {
    const agents = await admin.admin.agents();
    const id = (name: string) => agents.find((a) => a.displayName === name)?.id as number;
    const queue = await admin.admin.createQueue({
      name: 'Litiges transport',
      media: 'email',
      distribution: 'pull',
      memberIds: [id('Camille Martin'), id('Sophie Durand')],
      acknowledgementText: 'Bonjour,\n\nVotre demande {{case.number}} est enregistrée.',
      waitingMessageText: 'Votre demande {{case.number}} est toujours en cours.',
      waitingDelayHours: 24,
      allowedActions: ['take', 'save_draft', 'reply_keep_open', 'reply_and_close', 'close'],
    });
    expect(queue).toMatchObject({ name: 'Litiges transport', distribution: 'pull', active: true, caseCount: 0 });
    expect(queue.memberIds).toEqual([id('Camille Martin'), id('Sophie Durand')].sort((a, b) => a - b));
    expect(await camille.desk.queues()).toContainEqual({
      id: queue.id, name: 'Litiges transport', media: 'email', distribution: 'pull', waiting: 0,
    });
    const lucas = await demo.as('Lucas Bernard');
    expect((await lucas.desk.queues()).map((q) => q.name)).not.toContain('Litiges transport');
    expect((await admin.admin.agents()).find((a) => a.displayName === 'Camille Martin')?.queueIds).toContain(queue.id);
  });

  it('a new template in a new sub-theme is in the agents’ tree, found by search, rendered for a case', async () => {
    const themes = await admin.admin.createTheme({ parentId: null, name: 'Transport' });
    const transport = themes.find((t) => t.name === 'Transport') as ThemeNode;
    const subThemes = await admin.admin.createTheme({ parentId: transport.id, name: 'Litiges' });
    const litiges = flatten(subThemes).find((t) => t.name === 'Litiges') as ThemeNode;
    const template = await admin.admin.createTemplate({
      themeId: litiges.id,
      title: 'Litige transporteur',
      bodyHtml:
        '<p>Bonjour {{contact.civility}} {{contact.lastName}},</p><p>Votre dossier {{case.number}} fait l’objet ' +
        'd’une enquête auprès du transporteur.</p><p onclick="x()">{{ agent.name }}</p>{{agent.signature}}<script>x</script>',
    });
    expect(template.bodyHtml).not.toMatch(/script|onclick/);

    const tree = await camille.templates.tree();
    const path = tree.find((t) => t.name === 'Transport')?.children.find((t) => t.name === 'Litiges');
    expect(path?.templates.map((t) => t.title)).toEqual(['Litige transporteur']);

    const hits = await camille.templates.search({ query: 'transporteurs litiges' });
    expect(hits[0]).toMatchObject({ id: template.id, themePath: ['Transport', 'Litiges'] });
    expect(await camille.templates.search({ query: 'enquete' })).toEqual([expect.objectContaining({ id: template.id })]);
    expect(await camille.templates.search({ query: 'zzzzzz' })).toEqual([]);

    const duplicata = await caseOf(camille, 'Demande de duplicata de facture');
    const rendered = await camille.templates.render({ templateId: template.id, caseId: duplicata.id });
    expect(rendered.title).toBe('Litige transporteur');
    expect(rendered.html).toBe(
      `<p>Bonjour Madame Lefebvre,</p><p>Votre dossier ${duplicata.number} fait l’objet d’une enquête auprès du ` +
        'transporteur.</p><p>Camille Martin</p><p>Camille Martin<br />Service clients<br />Centre de relation clients</p>',
    );
  });

  it('escapes the values put into placeholders', async () => {
    const duplicata = await caseOf(camille, 'Demande de duplicata de facture');
    const contactId = (demo.core.db.sqlite.prepare('SELECT contact_id AS id FROM cases WHERE id = ?').get(duplicata.id) as {
      id: number;
    }).id;
    demo.core.db.sqlite.prepare(`UPDATE contacts SET last_name = '<img src=x onerror=alert(1)> & Fils' WHERE id = ?`).run(contactId);
    const [welcome] = flatten(await camille.templates.tree()).find((t) => t.name === 'Accueil')?.templates ?? [];
    const rendered = await camille.templates.render({ templateId: welcome?.id as number, caseId: duplicata.id });
    expect(rendered.html).toContain('Bonjour Madame &lt;img src=x onerror=alert(1)&gt; &amp; Fils,');
  });

  it('leaves an unknown placeholder visible rather than blank', async () => {
    const [welcome] = flatten(await camille.templates.tree()).find((t) => t.name === 'Accueil')?.templates ?? [];
    demo.core.db.sqlite.prepare(`UPDATE templates SET body_html = '<p>{{contact.email}} {{case.number}}</p>' WHERE id = ?`).run(welcome?.id);
    const duplicata = await caseOf(camille, 'Demande de duplicata de facture');
    const rendered = await camille.templates.render({ templateId: welcome?.id as number, caseId: duplicata.id });
    expect(rendered.html).toBe(`<p>{{contact.email}} ${duplicata.number}</p>`);
  });

  it('does not render for a case that does not exist, nor for an administrator', async () => {
    const [welcome] = flatten(await camille.templates.tree()).find((t) => t.name === 'Accueil')?.templates ?? [];
    await expect(camille.templates.render({ templateId: welcome?.id as number, caseId: 99_999 })).rejects.toMatchObject({
      code: 'not_found',
      message: 'Ce dossier n’existe pas, ou il n’est ni sur vos bureaux ni dans l’une de vos files.',
    });
    await expect(admin.templates.render({ templateId: welcome?.id as number, caseId: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
