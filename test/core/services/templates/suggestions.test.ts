import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import type { Suggestion } from '../../../../shared/domain/template';
import { refusal, startDemoCore, type DemoCore } from '../admin/demo-core';

let demo: DemoCore;
let lucas: Api;

beforeAll(async () => {
  demo = startDemoCore();
  lucas = await demo.as('Lucas Bernard');
});
afterAll(() => demo.dispose());

const caseBySubject = (subject: string) =>
  demo.core.db.sqlite.prepare('SELECT id, number FROM cases WHERE subject = ?').get(subject) as { id: number; number: string };

/** A new case written as mail sync would (setup only: creating cases is not this module's call). */
function insertCase(number: string, subject: string, question: string): number {
  const sqlite = demo.core.db.sqlite;
  // Thomas Roux's, in the same queue and form as his damaged parcel.
  const model = caseBySubject('Colis reçu endommagé');
  const now = '2025-03-14T09:00:00.000Z';
  return Number(
    sqlite
      .prepare(
        `INSERT INTO cases (number, subject, state, queue_id, form_id, contact_id, question_html, question_text,
           created_at, updated_at, received_at)
         SELECT ?, ?, 'todo', queue_id, form_id, contact_id, ?, ?, ?, ?, ? FROM cases WHERE id = ?`,
      )
      .run(number, subject, `<p>${question}</p>`, question, now, now, now, model.id).lastInsertRowid,
  );
}

const titles = (suggestions: Suggestion[]) => suggestions.map((s) => `${s.source}:${s.title}`);

describe('templates.suggest', () => {
  it('puts the obviously relevant template first, filled for the case, three at most', async () => {
    const parcel = caseBySubject('Colis reçu endommagé');
    const suggestions = await lucas.templates.suggest({ caseId: parcel.id });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions[0]).toMatchObject({ source: 'template', title: 'Colis endommagé' });
    expect(suggestions[0]?.html).toContain('<p>Bonjour Monsieur Roux,</p>');
    expect(suggestions[0]?.html).toContain('Lucas Bernard');
    for (const suggestion of suggestions) expect(suggestion.html).not.toContain('{{');
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await lucas.templates.suggest({ caseId: parcel.id })).toEqual(suggestions);
  });

  it('offers the reply of a similar closed case, written over for this contact and agent', async () => {
    const caseId = insertCase(
      '900001',
      'Justificatif de domicile',
      'Bonjour, une facture d’électricité peut-elle servir de justificatif de domicile ?',
    );
    const closed = caseBySubject('Pièce justificative manquante');
    const suggestions = await lucas.templates.suggest({ caseId });
    expect(titles(suggestions)).toContain('template:Pièce justificative manquante');
    const fromCase = suggestions.find((s) => s.source === 'case');
    expect(fromCase).toMatchObject({ source: 'case', caseId: closed.id, caseNumber: closed.number });
    expect(fromCase?.html).toContain('Bonjour Monsieur Roux,');
    expect(fromCase?.html).toContain('Lucas Bernard');
    expect(fromCase?.html).not.toMatch(/Perrin|Christine|Camille Martin/);
  });

  it('does not take the contact’s signature for the subject of the message', async () => {
    // Jean Dupont signs both his billing question and his closed case about a kettle.
    const billing = caseBySubject('Facture de mars incompréhensible');
    const suggestions = await lucas.templates.suggest({ caseId: billing.id });
    expect(suggestions[0]).toMatchObject({ source: 'template', title: 'Explication de facture' });
    expect(titles(suggestions)).not.toContain('case:Échange d’un produit défectueux');
  });

  it('never suggests a case to itself', async () => {
    const closed = caseBySubject('Pièce justificative manquante');
    const suggestions = await lucas.templates.suggest({ caseId: closed.id });
    expect(suggestions.some((s) => s.source === 'case' && s.caseId === closed.id)).toBe(false);
  });

  it('sees a template the administrator has just written', async () => {
    const admin = await demo.as('Admin Unified');
    const themes = await lucas.templates.tree();
    const delivery = themes.find((t) => t.name === 'Livraison');
    await admin.admin.createTemplate({
      themeId: delivery?.id as number,
      title: 'Cafetière fendue : remplacement',
      bodyHtml: '<p>Bonjour {{contact.civility}} {{contact.lastName}}, votre cafetière fendue sera remplacée.</p>',
    });
    const parcel = caseBySubject('Colis reçu endommagé');
    const suggestions = await lucas.templates.suggest({ caseId: parcel.id });
    expect(titles(suggestions).slice(0, 2).sort()).toEqual(['template:Cafetière fendue : remplacement', 'template:Colis endommagé']);
  });

  it('has nothing to suggest for a question made only of formulas', async () => {
    const caseId = insertCase('900002', 'Bonjour', 'Bonjour, merci ! Cordialement');
    expect(await lucas.templates.suggest({ caseId })).toEqual([]);
  });

  it('answers not_found for an unknown case and forbidden to an administrator', async () => {
    expect((await refusal(lucas.templates.suggest({ caseId: 424_242 }))).code).toBe('not_found');
    const admin = await demo.as('Admin Unified');
    const parcel = caseBySubject('Colis reçu endommagé');
    expect((await refusal(admin.templates.suggest({ caseId: parcel.id }))).code).toBe('forbidden');
  });
});
