import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../shared/domain/case-detail';
import { caseBySubject, caseRow, dumpDatabase, ok, people, refusal, startDemoCore, type CaseCore } from './case-fixture';

/** PRODUCT.md "Consulting a case and a contact": a supervisor merges cases into a master; unlike the seed, it can be undone. */

let t: CaseCore;
beforeEach(() => {
  t = startDemoCore();
});
afterEach(() => t.dispose());

const deskIds = async (desk: object) =>
  (await ok(await t.as('sophie'), 'desk.list', { desk, limit: 500 })).rows.map((row) => row.id);

describe('cases.merge and cases.unmerge', () => {
  it('merges, writes it in the master’s notepad and history, and undoes it', async () => {
    const master = caseBySubject(t.core, 'Facture de mars');
    const merged = caseBySubject(t.core, 'Échange d’un produit défectueux');
    expect(await deskIds({ kind: 'processed', agentId: people.lucas })).toContain(merged.id);

    const view = (await ok(await t.as('sophie'), 'cases.merge', { masterId: master.id, caseIds: [merged.id] })) as CaseDetail;
    expect(view.mergedCases).toEqual([{ id: merged.id, number: merged.number, subject: merged.subject, state: 'closed' }]);
    expect(view.version).toBe(master.version + 1);
    expect(view.notepad.at(-1)).toMatchObject({
      agent: null,
      text: expect.stringMatching(new RegExp(`^Dossier ${merged.number} fusionné dans ce dossier le \\d{2}/\\d{2}/2025 \\d{2}:\\d{2} par Sophie Durand\\.$`)),
    });
    expect(view.history.at(-1)).toMatchObject({ action: 'merge', agent: { displayName: 'Sophie Durand' }, detail: { caseNumbers: [merged.number] } });
    expect(caseRow(t.core, merged.id)).toMatchObject({ merged_into_id: master.id, state: 'closed', assignee_id: people.lucas, version: merged.version + 1 });
    expect(await deskIds({ kind: 'processed', agentId: people.lucas })).not.toContain(merged.id);
    const mergedView = (await ok(await t.as('lucas'), 'cases.get', { caseId: merged.id })) as CaseDetail;
    expect(mergedView.mergedInto).toMatchObject({ id: master.id, number: master.number });
    expect(mergedView.allowedActions).toEqual([]);
    expect(mergedView.history.at(-1)).toMatchObject({ action: 'merged', stateBefore: 'closed', stateAfter: 'closed' });

    const undone = (await ok(await t.as('sophie'), 'cases.unmerge', { masterId: master.id, caseId: merged.id })) as CaseDetail;
    expect(undone.mergedCases).toEqual([]);
    expect(undone.notepad.at(-1)?.text).toMatch(new RegExp(`^Dossier ${merged.number} retiré de la fusion le .* par Sophie Durand\\.$`));
    expect(caseRow(t.core, merged.id)).toMatchObject({ merged_into_id: null, state: 'closed', assignee_id: people.lucas });
    expect(await deskIds({ kind: 'processed', agentId: people.lucas })).toContain(merged.id);
    const history = t.core.db.sqlite.prepare('SELECT action FROM history WHERE case_id = ? ORDER BY id DESC LIMIT 2').all(merged.id);
    expect(history).toEqual([{ action: 'unmerged' }, { action: 'merged' }]);
  });

  it.each([
    ['an agent', 'camille', (m: number, c: number) => ({ masterId: m, caseIds: [c] }), 'forbidden', /Seul un superviseur/],
    ['a case into itself', 'sophie', (m: number) => ({ masterId: m, caseIds: [m] }), 'validation', /lui-même/],
    ['an unknown case', 'sophie', (m: number) => ({ masterId: m, caseIds: [999] }), 'not_found', /n’existe pas/],
  ] as const)('refuses %s, writing nothing', async (_name, by, input, code, message) => {
    const master = caseBySubject(t.core, 'Facture de mars');
    const other = caseBySubject(t.core, 'Où en est ma commande');
    const connection = await t.as(by);
    const before = dumpDatabase(t.core);
    const error = await refusal(connection, 'cases.merge', input(master.id, other.id));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(dumpDatabase(t.core)).toEqual(before);
  });

  it('refuses merging a master, and undoing a merge that was not made', async () => {
    const [a, b, c] = ['Facture de mars', 'Où en est ma commande', 'Changement d’adresse'].map((s) => caseBySubject(t.core, s));
    const sophie = await t.as('sophie');
    await ok(sophie, 'cases.merge', { masterId: a?.id, caseIds: [b?.id] });
    const before = dumpDatabase(t.core);
    expect(await refusal(sophie, 'cases.merge', { masterId: c?.id, caseIds: [a?.id] })).toMatchObject({ code: 'refused', message: expect.stringMatching(/maître d’autres dossiers/) });
    expect(await refusal(sophie, 'cases.merge', { masterId: b?.id, caseIds: [c?.id] })).toMatchObject({ code: 'refused', message: expect.stringMatching(/lui-même fusionné/) });
    expect(await refusal(sophie, 'cases.unmerge', { masterId: a?.id, caseId: c?.id })).toMatchObject({ code: 'refused', message: expect.stringMatching(/n’est pas fusionné/) });
    expect(dumpDatabase(t.core)).toEqual(before);
  });
});

describe('cases.addNote and cases.setQualification', () => {
  it('adds a note without making a colleague’s open reply stale', async () => {
    const row = caseBySubject(t.core, 'Demande de duplicata');
    const note = await ok(await t.as('lucas'), 'cases.addNote', { caseId: row.id, text: '  Rappeler après 14 h.  ' });
    expect(note).toEqual({ id: expect.any(Number), agent: { id: people.lucas, displayName: 'Lucas Bernard' }, text: 'Rappeler après 14 h.', createdAt: '2025-03-14T10:00:00.000Z' });
    const view = (await ok(await t.as('camille'), 'cases.get', { caseId: row.id })) as CaseDetail;
    expect(view.version).toBe(row.version);
    expect(view.notepad.at(-1)).toEqual(note);
    expect(view.history.at(-1)).toMatchObject({ action: 'note_added', agent: { displayName: 'Lucas Bernard' }, stateBefore: 'todo', stateAfter: 'todo' });
    await ok(await t.as('camille'), 'cases.act', { caseId: row.id, version: row.version, action: 'close' });
  });

  it('sets and removes the qualification, version checked', async () => {
    const row = caseBySubject(t.core, 'Demande de duplicata');
    const label = t.core.db.sqlite.prepare(`SELECT id FROM qualifications WHERE label = 'Erreur de facture'`).get() as { id: number };
    const camille = await t.as('camille');
    const set = await ok(camille, 'cases.setQualification', { caseId: row.id, version: row.version, qualificationId: label.id });
    const { detail, ...moved } = set;
    expect(moved).toEqual({ caseId: row.id, version: row.version + 1, state: 'todo', assigneeId: people.camille, desk: 'in_progress' });
    expect(detail?.qualification).toEqual({ id: label.id, label: 'Erreur de facture' });
    expect(((await ok(camille, 'cases.get', { caseId: row.id })) as CaseDetail).qualification).toEqual({ id: label.id, label: 'Erreur de facture' });
    const before = dumpDatabase(t.core);
    expect(await refusal(camille, 'cases.setQualification', { caseId: row.id, version: row.version, qualificationId: null })).toMatchObject({ code: 'conflict' });
    expect(await refusal(camille, 'cases.setQualification', { caseId: row.id, version: set.version, qualificationId: 9999 })).toMatchObject({ code: 'validation', fields: { qualificationId: expect.any(String) } });
    expect(dumpDatabase(t.core)).toEqual(before);
    await ok(camille, 'cases.setQualification', { caseId: row.id, version: set.version, qualificationId: null });
    expect(((await ok(camille, 'cases.get', { caseId: row.id })) as CaseDetail).qualification).toBeNull();
  });
});
