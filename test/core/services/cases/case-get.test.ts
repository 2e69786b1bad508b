import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../shared/domain/case-detail';
import { caseBySubject, ok, people, refusal, startDemoCore, type CaseCore, type Person } from './case-fixture';

/** PRODUCT.md "Consulting a case and a contact", and who may read what ("Roles"). */

let t: CaseCore;
beforeAll(() => {
  t = startDemoCore();
});
afterAll(() => t.dispose());

const get = async (person: Person, subject: string) =>
  (await ok(await t.as(person), 'cases.get', { caseId: caseBySubject(t.core, subject).id })) as CaseDetail;

describe('cases.get', () => {
  it('shows the whole case: contact, thread, notepad, history, qualification, draft', async () => {
    const view = await get('camille', 'Demande d’échéancier');
    expect(view).toMatchObject({
      subject: 'Demande d’échéancier de paiement',
      state: 'contact_replied',
      queue: { name: 'Service clients', media: 'email', distribution: 'pull' },
      assignee: { id: people.camille, displayName: 'Camille Martin' },
      contact: { firstName: 'Élodie', lastName: 'Bonnet', email: 'elodie.bonnet@example.com', civility: 'madame' },
      qualification: { label: 'Échéancier de paiement' },
      draft: null,
      mergedInto: null,
      mergedCases: [],
    });
    expect(view.questionHtml).toContain('baisse de revenus');
    expect(view.messages.map((m) => [m.direction, m.attachReason])).toEqual([
      ['in', 'new_case'],
      ['out', null],
      ['in', 'in_reply_to'],
    ]);
    expect(view.messages[1]).toMatchObject({ author: { displayName: 'Camille Martin' }, from: { address: 'service.clients@centre-demo.example.com' } });
    expect(view.notepad.map((n) => n.text)).toEqual(['Échéancier en 3 fois validé par la comptabilité.']);
    expect(view.history.map((h) => [h.action, h.stateBefore, h.stateAfter, h.agent?.displayName ?? null])).toEqual([
      ['received', null, 'todo', null],
      ['take', 'todo', 'todo', 'Camille Martin'],
      ['reply_and_wait', 'todo', 'waiting_contact', 'Camille Martin'],
      ['message_received', 'waiting_contact', 'contact_replied', null],
    ]);
    expect(view.version).toBe(view.history.length);
    expect(view.allowedActions).toEqual([
      'save_draft', 'submit_for_validation', 'reply_keep_open', 'reply_and_wait', 'reply_and_close', 'close', 'assign_to_agent',
    ]);
  });

  it('shows the held reply of a case in validation, and offers it to supervisors only', async () => {
    const agent = await get('camille', 'Demande de geste commercial');
    expect(agent.draft).toMatchObject({ to: { address: expect.any(String) }, savedBy: { displayName: 'Camille Martin' } });
    expect(agent.allowedActions).toEqual([]);
    expect((await get('sophie', 'Demande de geste commercial')).allowedActions).toEqual(['approve', 'reject']);
  });

  it('offers no "Répondre sans clore" in a push queue, and "take" on a waiting case', async () => {
    expect((await get('lucas', 'Retard de livraison')).allowedActions).not.toContain('reply_keep_open');
    expect((await get('lucas', 'Colis reçu endommagé')).allowedActions).toEqual(['take', 'assign_to_me']);
  });

  it('lets an agent read the cases of their queues, not the others', async () => {
    expect((await get('lucas', 'Demande de duplicata')).assignee?.displayName).toBe('Camille Martin');
    const complaint = caseBySubject(t.core, 'Colis reçu endommagé');
    expect(await refusal(await t.as('camille'), 'cases.get', { caseId: complaint.id })).toMatchObject({ code: 'not_found' });
    expect(await refusal(await t.as('admin'), 'cases.get', { caseId: complaint.id })).toMatchObject({ code: 'forbidden' });
    expect((await get('sophie', 'Colis reçu endommagé')).state).toBe('todo');
    expect(await refusal(await t.as('sophie'), 'cases.get', { caseId: 9999 })).toMatchObject({ code: 'not_found' });
  });

  it('needs a signed-in agent', async () => {
    expect(await refusal(t.core.connect(), 'cases.get', { caseId: 1 })).toMatchObject({ code: 'unauthenticated' });
  });
});
