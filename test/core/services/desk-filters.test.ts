import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSummary } from '../../../shared/domain/agent';
import { caseStates } from '../../../shared/domain/case-state';
import { deskQuerySchema, type DeskQuery, type DeskRow } from '../../../shared/domain/desk';
import { cases } from '../../../electron/core/db/schema';
import { createDeskService } from '../../../electron/core/services/desk-service';
import { failure, openSeededDesks, type SeededDesks } from './desk-fixture';

let desks: SeededDesks;
let service: ReturnType<typeof createDeskService>;
const originalTz = process.env.TZ;

beforeAll(() => {
  // Day filters read days in the machine's time zone: UTC here, Paris in the test that says so.
  process.env.TZ = 'UTC';
  desks = openSeededDesks();
  service = createDeskService(desks.temp.db);
});
afterAll(() => {
  process.env.TZ = originalTz;
  desks.temp.dispose();
});
afterEach(() => void (process.env.TZ = 'UTC'));

const list = (query: DeskQuery, actor: AgentSummary) => service.list(deskQuerySchema.parse(query), actor);

function readAll(query: DeskQuery, actor: AgentSummary): { rows: DeskRow[]; totals: number[] } {
  const pages = [list(query, actor)];
  while (pages.at(-1)?.next) pages.push(list({ ...query, after: pages.at(-1)?.next ?? undefined }, actor));
  return { rows: pages.flatMap((p) => p.rows), totals: pages.map((p) => p.total) };
}

/** The oracle: Camille's En cours in SQL, written independently of the services. */
const camilleOpen = () =>
  `assignee_id = ${desks.actors.camille.id} AND state IN ('todo','todo_bis','contact_replied') AND merged_into_id IS NULL`;
const inProgress = { desk: { kind: 'in_progress' } } as const;

describe('desk sorts', () => {
  const rank = (row: DeskRow) => caseStates.indexOf(row.state);
  const keysOf: Record<string, (row: DeskRow) => (string | number)[]> = {
    received: (row) => [row.receivedAt, row.id],
    number: (row) => [row.number, row.id],
    state: (row) => [rank(row), row.receivedAt, row.id],
  };
  const compare = (a: (string | number)[], b: (string | number)[]) => {
    for (const [i, value] of a.entries()) {
      const other = b[i] as string | number;
      if (value !== other) return value < other ? -1 : 1;
    }
    return 0;
  };

  it.each([
    ['received', 'desc'],
    ['received', 'asc'],
    ['number', 'desc'],
    ['number', 'asc'],
    ['state', 'asc'],
    ['state', 'desc'],
  ] as const)('pages through the whole desk by %s %s, every case once, in order', (by, direction) => {
    const expected = desks.ids(`SELECT id FROM cases WHERE ${camilleOpen()}`);
    expect(expected.length).toBeGreaterThan(40);
    const { rows, totals } = readAll({ ...inProgress, sort: { by, direction }, limit: 9 }, desks.actors.camille);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(totals.every((total) => total === expected.length)).toBe(true);
    const sign = direction === 'asc' ? 1 : -1;
    for (let i = 1; i < rows.length; i++) {
      expect(sign * compare(keysOf[by]!(rows[i - 1]!), keysOf[by]!(rows[i]!))).toBe(-1);
    }
  });

  it('sorts by received date, newest first, when no sort is given', () => {
    const expected = desks.ids(`SELECT id FROM cases WHERE ${camilleOpen()} ORDER BY received_at DESC, id DESC LIMIT 30`);
    expect(list({ ...inProgress, limit: 30 }, desks.actors.camille).rows.map((r) => r.id)).toEqual(expected);
  });

  it('meets cases received at the same instant, which only the id orders', () => {
    const ties = desks.rows<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT received_at FROM cases WHERE ${camilleOpen()} GROUP BY received_at HAVING count(*) > 1)`,
    );
    expect(ties[0]?.n).toBeGreaterThan(0);
  });

  it.each(['number', 'state'] as const)('neither repeats nor skips when a case arrives between pages (by %s)', (by) => {
    const query = { ...inProgress, sort: { by, direction: 'asc' as const }, limit: 40 };
    const before = readAll(query, desks.actors.camille).rows.map((r) => r.id);
    const first = list(query, desks.actors.camille);
    addCase(desks, { number: '999990', assigneeId: desks.actors.camille.id, state: 'todo', receivedAt: '2025-03-14T09:00:00.000Z' });
    const rest = readAll({ ...query, after: first.next ?? undefined }, desks.actors.camille).rows;
    const seen = [...first.rows, ...rest].map((r) => r.id);
    // The newcomer sorts after the cursor by number (highest), before it by state (todo first).
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
    desks.temp.db.sqlite.prepare(`DELETE FROM cases WHERE number = '999990'`).run();
  });

  it('refuses a cursor made for another sort', () => {
    const page = list({ ...inProgress, limit: 5 }, desks.actors.camille);
    const refusal = failure(() => list({ ...inProgress, sort: { by: 'number' }, after: page.next ?? '' }, desks.actors.camille));
    expect(refusal).toMatchObject({ code: 'validation', fields: { after: expect.any(String) } });
  });
});

describe('desk filters', () => {
  const idsOf = (query: DeskQuery, actor = desks.actors.camille) => {
    const { rows, totals } = readAll({ ...query, limit: 500 }, actor);
    expect(totals.every((t) => t === rows.length)).toBe(true);
    return rows.map((r) => r.id).sort((a, b) => a - b);
  };
  const oracle = (where: string, ...params: unknown[]) =>
    desks.ids(`SELECT id FROM cases WHERE ${where} ORDER BY id`, ...params);

  it('narrows to the chosen states, and never widens the desk', () => {
    expect(idsOf({ ...inProgress, filters: { states: ['todo'] } })).toEqual(oracle(`${camilleOpen()} AND state = 'todo'`));
    expect(idsOf({ ...inProgress, filters: { states: ['todo', 'contact_replied'] } })).toEqual(
      oracle(`${camilleOpen()} AND state IN ('todo', 'contact_replied')`),
    );
    expect(list({ ...inProgress, filters: { states: ['closed'] } }, desks.actors.camille)).toMatchObject({ rows: [], total: 0 });
  });

  it('narrows to a queue', () => {
    const lucas = desks.actors.lucas;
    const complaints = desks.queueIds.complaints;
    const where = `assignee_id = ? AND state IN ('waiting_contact','in_validation','closed') AND merged_into_id IS NULL AND queue_id = ?`;
    const expected = oracle(where, lucas.id, complaints);
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf({ desk: { kind: 'processed' }, filters: { queueId: complaints } }, lucas)).toEqual(expected);
  });

  it('takes a qualification with the qualifications under it', () => {
    const [billing] = desks.rows<{ id: number }>(`SELECT id FROM qualifications WHERE label = 'Facturation'`);
    const tree = `qualification_id IN (SELECT id FROM qualifications WHERE id = ? OR parent_id = ?)`;
    const where = `assignee_id = ? AND state IN ('waiting_contact','in_validation','closed') AND merged_into_id IS NULL AND ${tree}`;
    const expected = oracle(where, desks.actors.camille.id, billing?.id, billing?.id);
    expect(expected.length).toBeGreaterThan(0);
    const found = idsOf({ desk: { kind: 'processed' }, filters: { qualificationId: billing?.id } });
    expect(found).toEqual(expected);
    // The cases carry the children's ids, not the root's: the tree is what finds them.
    expect(desks.rows(`SELECT 1 FROM cases WHERE qualification_id = ?`, billing?.id)).toHaveLength(0);
  });

  it('keeps the days received from and to, both whole', () => {
    const filters = { receivedFrom: '2025-02-01', receivedTo: '2025-02-28' };
    const where = `${camilleOpen().replace("state IN ('todo','todo_bis','contact_replied')", 'state IS NOT NULL')}`;
    const inRange = `received_at >= '2025-02-01T00:00:00.000Z' AND received_at < '2025-03-01T00:00:00.000Z'`;
    const expected = oracle(`${where} AND state IN ('waiting_contact','in_validation','closed') AND ${inRange}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf({ desk: { kind: 'processed' }, filters })).toEqual(expected);
    const oneDay = idsOf({ desk: { kind: 'processed' }, filters: { receivedFrom: '2025-02-10', receivedTo: '2025-02-10' } });
    expect(oneDay).toEqual(oracle(`${where} AND state IN ('waiting_contact','in_validation','closed') AND substr(received_at, 1, 10) = '2025-02-10'`));
  });

  it('reads days in the machine’s time zone: in Paris, 10 March starts at 23:00 UTC the day before', () => {
    process.env.TZ = 'Europe/Paris';
    const id = addCase(desks, { number: '999991', assigneeId: desks.actors.camille.id, state: 'todo', receivedAt: '2025-03-09T23:30:00.000Z' });
    const found = (filters: object) => idsOf({ ...inProgress, filters }).includes(id);
    expect(found({ receivedFrom: '2025-03-10' })).toBe(true);
    expect(found({ receivedTo: '2025-03-09' })).toBe(false);
    process.env.TZ = 'UTC';
    expect(found({ receivedFrom: '2025-03-10' })).toBe(false);
    expect(found({ receivedTo: '2025-03-09' })).toBe(true);
    desks.temp.db.sqlite.prepare('DELETE FROM cases WHERE id = ?').run(id);
  });

  it('keeps unread cases only, when asked', () => {
    expect(idsOf({ ...inProgress, filters: { unreadOnly: true } })).toEqual(oracle(`${camilleOpen()} AND unread = 1`));
    expect(idsOf({ ...inProgress, filters: { unreadOnly: false } })).toEqual(oracle(camilleOpen()));
  });

  it('narrows the Validation desk to one agent’s replies, for a supervisor', () => {
    const validation = { desk: { kind: 'validation' } } as const;
    const lucas = desks.actors.lucas.id;
    const expected = oracle(`state = 'in_validation' AND merged_into_id IS NULL AND assignee_id = ?`, lucas);
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf({ ...validation, filters: { assigneeId: lucas } }, desks.actors.sophie)).toEqual(expected);
    expect(idsOf(validation, desks.actors.sophie).length).toBeGreaterThan(expected.length);
  });

  it('answers, among the cases an event named, those the desk still holds, counting only them', () => {
    const [mineA, mineB] = oracle(camilleOpen());
    const [notMine] = oracle(`assignee_id = ? AND merged_into_id IS NULL`, desks.actors.lucas.id);
    const only = [mineA, mineB, notMine].filter((id): id is number => id !== undefined);
    expect(only).toHaveLength(3);
    const page = list({ ...inProgress, only }, desks.actors.camille);
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([mineA, mineB]);
    expect(page.total).toBe(2);
    // Filters still apply to them.
    const [state] = desks.rows<{ state: string }>('SELECT state FROM cases WHERE id = ?', mineA);
    const other = list({ ...inProgress, only, filters: { states: [state?.state === 'todo' ? 'todo_bis' : 'todo'] } }, desks.actors.camille);
    expect(other.rows.map((r) => r.id)).not.toContain(mineA);
  });

  it('combines filters, on a queue desk too, and counts what they keep', () => {
    const queue = { kind: 'queue', queueId: desks.queueIds.service } as const;
    const filters = { unreadOnly: true, receivedFrom: '2025-03-01', states: ['todo' as const] };
    const where = `queue_id = ? AND assignee_id IS NULL AND state = 'todo' AND merged_into_id IS NULL AND unread = 1 AND received_at >= '2025-03-01'`;
    const expected = oracle(where, desks.queueIds.service);
    expect(expected.length).toBeGreaterThan(10);
    expect(idsOf({ desk: queue, filters }, desks.actors.sophie)).toEqual(expected);
    expect(list({ desk: queue, filters, limit: 3 }, desks.actors.sophie).total).toBe(expected.length);
  });
});

describe('desk query validation', () => {
  const fieldsOf = (query: unknown) => {
    const result = deskQuerySchema.safeParse(query);
    if (result.success) throw new Error('expected a validation error');
    return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  };

  it('refuses a range that ends before it starts, in French, on the end field', () => {
    const fields = fieldsOf({ ...inProgress, filters: { receivedFrom: '2025-03-10', receivedTo: '2025-03-09' } });
    expect(fields['filters.receivedTo']).toMatch(/date de fin .* date de début/);
    expect(deskQuerySchema.safeParse({ ...inProgress, filters: { receivedFrom: '2025-03-10', receivedTo: '2025-03-10' } }).success).toBe(true);
  });

  it.each([
    [{ receivedFrom: '2025-02-30' }, 'filters.receivedFrom', /Date invalide/],
    [{ receivedTo: '10/03/2025' }, 'filters.receivedTo', /AAAA-MM-JJ/],
    [{ states: [] }, 'filters.states', /au moins un état/],
    [{ states: ['ouvert'] }, 'filters.states.0', /.+/],
    [{ queueId: 0 }, 'filters.queueId', /File invalide/],
    [{ unread: true }, 'filters', /.+/],
  ])('refuses the filters %j', (filters, field, message) => {
    expect(fieldsOf({ ...inProgress, filters })[field]).toMatch(message);
  });

  it('refuses an unknown sort', () => {
    expect(fieldsOf({ ...inProgress, sort: { by: 'subject' } })['sort.by']).toMatch(/Tri inconnu/);
    expect(fieldsOf({ ...inProgress, sort: { direction: 'up' } })['sort.direction']).toMatch(/Sens de tri/);
  });
});

function addCase(
  seeded: SeededDesks,
  values: { number: string; assigneeId: number | null; state: 'todo'; receivedAt: string },
): number {
  const template = seeded.temp.db.orm.select().from(cases).get();
  if (!template) throw new Error('no case to copy');
  const { id: _id, ...row } = template;
  return seeded.temp.db.orm
    .insert(cases)
    .values({ ...row, ...values, mergedIntoId: null, closedById: null, queueId: seeded.queueIds.service })
    .returning({ id: cases.id })
    .get().id;
}
