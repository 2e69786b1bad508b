import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseAction } from '../../../../shared/domain/case-actions';
import type { CaseState } from '../../../../shared/domain/case-state';
import type { Desk, DeskPage } from '../../../../shared/domain/desk';
import { caseBySubject, caseRow, contactEmail, ok, people, startDemoCore, type CaseCore, type Person } from './case-fixture';

/**
 * PRODUCT.md "Actions and transitions", row by row, through the contract on the demo centre: each action
 * from each state it is allowed from gives the exact state, assignee and desk.
 */

let t: CaseCore;
beforeEach(() => {
  t = startDemoCore();
});
afterEach(() => t.dispose());

/** Demo cases in each starting state (see demo-cases.ts). */
const start = {
  queuePull: 'Facture de mars',
  queuePush: 'Colis reçu endommagé',
  todo: 'Demande de duplicata',
  todo_bis: 'Commande CMD-785230',
  contact_replied: 'Demande d’échéancier',
  in_validation: 'Demande de geste commercial',
} as const;
type Start = keyof typeof start;

const reply = { html: '<p>Bonjour, voici notre réponse.</p>' };

interface Row {
  action: CaseAction;
  from: Start;
  by: Person;
  extra?: Record<string, unknown>;
  state: CaseState;
  assignee: Person;
  desk: Desk['kind'];
}

const open: Start[] = ['todo', 'todo_bis', 'contact_replied'];
const table: Row[] = [
  { action: 'take', from: 'queuePull', by: 'camille', state: 'todo', assignee: 'camille', desk: 'in_progress' },
  { action: 'take', from: 'queuePush', by: 'lucas', state: 'todo', assignee: 'lucas', desk: 'in_progress' },
  { action: 'assign_to_me', from: 'queuePull', by: 'lucas', state: 'todo', assignee: 'lucas', desk: 'in_progress' },
  { action: 'assign_to_agent', from: 'queuePull', by: 'sophie', extra: { targetAgentId: people.lucas }, state: 'todo', assignee: 'lucas', desk: 'in_progress' },
  ...open.flatMap((from): Row[] => [
    { action: 'save_draft', from, by: 'camille', extra: { reply: 'withReply' }, state: from as CaseState, assignee: 'camille', desk: 'in_progress' },
    { action: 'submit_for_validation', from, by: 'camille', extra: { reply: 'withReply' }, state: 'in_validation', assignee: 'camille', desk: 'validation' },
    { action: 'reply_keep_open', from, by: 'camille', extra: { reply: 'withReply' }, state: 'todo_bis', assignee: 'camille', desk: 'in_progress' },
    { action: 'reply_and_wait', from, by: 'camille', extra: { reply: 'withReply' }, state: 'waiting_contact', assignee: 'camille', desk: 'processed' },
    { action: 'reply_and_close', from, by: 'camille', extra: { reply: 'withReply' }, state: 'closed', assignee: 'camille', desk: 'processed' },
    { action: 'close', from, by: 'camille', state: 'closed', assignee: 'camille', desk: 'processed' },
    { action: 'assign_to_agent', from, by: 'camille', extra: { targetAgentId: people.lucas }, state: 'todo', assignee: 'lucas', desk: 'in_progress' },
    // A supervisor finishing an agent's case leaves it in the agent's Traités.
    { action: 'reply_and_close', from, by: 'sophie', extra: { reply: 'withReply' }, state: 'closed', assignee: 'camille', desk: 'processed' },
  ]),
  { action: 'approve', from: 'in_validation', by: 'sophie', state: 'closed', assignee: 'camille', desk: 'processed' },
  { action: 'approve', from: 'in_validation', by: 'sophie', extra: { approveAs: 'waiting_contact' }, state: 'waiting_contact', assignee: 'camille', desk: 'processed' },
  { action: 'reject', from: 'in_validation', by: 'sophie', extra: { comment: 'Précisez le délai.' }, state: 'todo', assignee: 'camille', desk: 'in_progress' },
];

async function deskOf(person: Person, desk: Desk): Promise<number[]> {
  const page = await ok(await t.as(person), 'desk.list', { desk, limit: 500 });
  return (page as DeskPage).rows.map((row) => row.id);
}

describe('cases.act: every row of the table of PRODUCT.md', () => {
  it.each(table)('$action from $from by $by → $state, $assignee, $desk', async (row) => {
    const before = caseBySubject(t.core, start[row.from]);
    const extra = { ...row.extra };
    if (extra.reply) extra.reply = { ...reply, to: { address: contactEmail(t.core, before.id) } };
    const result = await ok(await t.as(row.by), 'cases.act', {
      caseId: before.id,
      version: before.version,
      action: row.action,
      ...extra,
    });
    const assigneeId = people[row.assignee];
    const { detail, ...moved } = result;
    expect(moved).toEqual({ caseId: before.id, version: before.version + 1, state: row.state, assigneeId, desk: row.desk });
    // The case as the actor now reads it: what `cases.get` answers them, or null where it refuses.
    const read = await (await t.as(row.by)).call('cases.get', { caseId: before.id });
    expect(detail).toEqual(read.ok ? read.data : null);

    const after = caseRow(t.core, before.id);
    expect({ state: after.state, assignee: after.assignee_id, version: after.version }).toEqual({
      state: row.state,
      assignee: assigneeId,
      version: before.version + 1,
    });
    if (row.state === 'closed') expect(after.closed_by_id).toBe(assigneeId);

    const desks: Desk[] = [
      { kind: 'in_progress', agentId: assigneeId },
      { kind: 'processed', agentId: assigneeId },
      { kind: 'validation' },
      { kind: 'queue', queueId: before.queue_id },
    ];
    const listedOn: string[] = [];
    for (const desk of desks) if ((await deskOf('sophie', desk)).includes(before.id)) listedOn.push(desk.kind);
    // PRODUCT.md "Case states": a case in validation shows on the supervisors' desk and the agent's Traités.
    expect(listedOn).toEqual(row.desk === 'validation' ? ['processed', 'validation'] : [row.desk]);

    const history = t.core.db.sqlite
      .prepare('SELECT agent_id, action, state_before, state_after, at FROM history WHERE case_id = ? ORDER BY id DESC LIMIT 1')
      .get(before.id);
    expect(history).toEqual({
      agent_id: people[row.by],
      action: row.action,
      state_before: before.state,
      state_after: row.state,
      at: '2025-03-14T10:00:00.000Z',
    });
  });

  it('answers no case once the action took it out of the actor’s sight', async () => {
    const before = caseBySubject(t.core, 'Retard de livraison sur chantier');
    // A supervisor hands a Réclamations case to Camille, who is not in that queue...
    const handed = await ok(await t.as('sophie'), 'cases.act', {
      caseId: before.id,
      version: before.version,
      action: 'assign_to_agent',
      targetAgentId: people.camille,
    });
    expect(handed.detail?.assignee?.id).toBe(people.camille);
    // ...and she hands it on to Lucas: it is no longer hers to read.
    const passed = await ok(await t.as('camille'), 'cases.act', {
      caseId: before.id,
      version: handed.version,
      action: 'assign_to_agent',
      targetAgentId: people.lucas,
    });
    expect(passed).toMatchObject({ assigneeId: people.lucas, state: 'todo', detail: null });
    const read = await (await t.as('camille')).call('cases.get', { caseId: before.id });
    // Out of reach reads as missing (case-access.ts): probing ids confirms nothing.
    expect(read.ok ? null : read.error.code).toBe('not_found');
  });

  it('announces the change once committed', async () => {
    const before = caseBySubject(t.core, start.queuePull);
    const camille = await t.as('camille');
    const heard: unknown[] = [];
    camille.onEvent((name, payload) => heard.push({ name, payload }));
    await ok(camille, 'cases.act', { caseId: before.id, version: before.version, action: 'take' });
    expect(heard).toEqual([
      {
        name: 'case.changed',
        payload: { caseId: before.id, version: before.version + 1, state: 'todo', assigneeId: people.camille, queueId: before.queue_id },
      },
    ]);
  });

  it('clears a push offer when the offered agent takes the case', async () => {
    const before = caseBySubject(t.core, start.queuePush);
    t.core.db.sqlite.prepare('UPDATE cases SET offered_to_id = ?, offered_at = ? WHERE id = ?').run(people.lucas, '2025-03-14T09:59:00.000Z', before.id);
    await ok(await t.as('lucas'), 'cases.act', { caseId: before.id, version: before.version, action: 'take' });
    expect(t.core.db.sqlite.prepare('SELECT offered_to_id, offered_at FROM cases WHERE id = ?').get(before.id)).toEqual({
      offered_to_id: null,
      offered_at: null,
    });
  });
});
