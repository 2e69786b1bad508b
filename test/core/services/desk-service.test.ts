import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure, type AppError } from '../../../shared/contract';
import type { AgentSummary } from '../../../shared/domain/agent';
import { openStates, type CaseState } from '../../../shared/domain/case-state';
import { deskQuerySchema, type DeskQuery } from '../../../shared/domain/desk';
import { cases } from '../../../electron/core/db/schema';
import { demoCaseNumber, demoCasesOldestFirst } from '../../../electron/core/demo/seed-cases';
import type { DemoAgentKey, DemoQueueKey } from '../../../electron/core/demo/demo-data';
import type { DemoCase } from '../../../electron/core/demo/demo-cases';
import { createDeskService } from '../../../electron/core/services/desk-service';
import { createSessionService } from '../../../electron/core/services/session-service';
import { fixedClock, openDemoDatabase, type TempDatabase } from '../temp-database';

let temp: TempDatabase;
let desks: ReturnType<typeof createDeskService>;
let actors: Record<DemoAgentKey, AgentSummary>;
let queueIds: Record<DemoQueueKey, number>;

beforeAll(() => {
  temp = openDemoDatabase();
  desks = createDeskService(temp.db);
  const byName = new Map(createSessionService(temp.db, fixedClock()).demoAccounts().map((a) => [a.displayName, a]));
  const agent = (name: string) => byName.get(name) as AgentSummary;
  actors = {
    camille: agent('Camille Martin'),
    lucas: agent('Lucas Bernard'),
    sophie: agent('Sophie Durand'),
    admin: agent('Admin Unified'),
  };
  const queues = new Map(temp.db.orm.query.queues.findMany().sync().map((q) => [q.name, q.id]));
  queueIds = { service: queues.get('Service clients') as number, complaints: queues.get('Réclamations') as number };
});
afterAll(() => temp.dispose());

const list = (query: DeskQuery, actor: AgentSummary) => desks.list(deskQuerySchema.parse(query), actor);

/** Numbers of the demo cases matching `keep`, newest first: what a desk must show. */
function expectedNumbers(keep: (demo: DemoCase) => boolean): string[] {
  return demoCasesOldestFirst()
    .map((demo, index) => ({ demo, number: demoCaseNumber(index) }))
    .filter(({ demo }) => keep(demo))
    .reverse()
    .map(({ number }) => number);
}

const processedStates: CaseState[] = ['waiting_contact', 'in_validation', 'closed'];
const inStates = (states: readonly CaseState[]) => (demo: DemoCase) => states.includes(demo.state);

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('desk.list', () => {
  it.each(['camille', 'lucas'] as const)('shows %s exactly their En cours and Traités cases', (key) => {
    const mine = (demo: DemoCase) => demo.assignee === key;
    const inProgress = list({ desk: { kind: 'in_progress' } }, actors[key]);
    expect(inProgress.rows.map((r) => r.number)).toEqual(expectedNumbers((d) => mine(d) && inStates(openStates)(d)));
    expect(inProgress.total).toBe(inProgress.rows.length);
    expect(inProgress.next).toBeNull();
    const processed = list({ desk: { kind: 'processed' } }, actors[key]);
    expect(processed.rows.map((r) => r.number)).toEqual(expectedNumbers((d) => mine(d) && inStates(processedStates)(d)));
    expect(inProgress.rows.length + processed.rows.length).toBeGreaterThan(0);
  });

  it('fills the rows for the desk screen', () => {
    const [row] = list({ desk: { kind: 'in_progress' } }, actors.camille).rows;
    expect(row).toMatchObject({ assigneeId: actors.camille.id, assigneeName: 'Camille Martin', media: 'email' });
    expect(row?.contactName).toMatch(/^\S+ \S+/);
    expect(row?.queueName).toBe('Service clients');
    expect(Date.parse(row?.receivedAt ?? '')).not.toBeNaN();
  });

  it('shows the unassigned todo cases of a queue to its members and to supervisors', () => {
    const waiting = (queue: DemoQueueKey) => expectedNumbers((d) => d.queue === queue && !d.assignee);
    const service = list({ desk: { kind: 'queue', queueId: queueIds.service } }, actors.camille);
    expect(service.rows.map((r) => r.number)).toEqual(waiting('service'));
    expect(service.rows.every((r) => r.assigneeId === null && r.state === 'todo' && r.unread)).toBe(true);
    const complaints = list({ desk: { kind: 'queue', queueId: queueIds.complaints } }, actors.sophie);
    expect(complaints.rows.map((r) => r.number)).toEqual(waiting('complaints'));
  });

  it('shows the Validation desk to supervisors only', () => {
    const page = list({ desk: { kind: 'validation' } }, actors.sophie);
    expect(page.rows.map((r) => r.number)).toEqual(expectedNumbers(inStates(['in_validation'])));
    for (const key of ['camille', 'admin'] as const) {
      expect(failure(() => list({ desk: { kind: 'validation' } }, actors[key])).code).toBe('forbidden');
    }
  });

  it('lets a supervisor, and only a supervisor, open another agent’s desks', () => {
    const camilleDesk = list({ desk: { kind: 'in_progress' } }, actors.camille);
    const seenBySophie = list({ desk: { kind: 'in_progress', agentId: actors.camille.id } }, actors.sophie);
    expect(seenBySophie).toEqual(camilleDesk);
    const own = list({ desk: { kind: 'processed', agentId: actors.camille.id } }, actors.camille);
    expect(own.total).toBeGreaterThan(0);
    const refusal = failure(() => list({ desk: { kind: 'processed', agentId: actors.lucas.id } }, actors.camille));
    expect(refusal).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/superviseur/) });
  });

  it('refuses a queue the agent is not a member of, and a queue that does not exist', () => {
    expect(failure(() => list({ desk: { kind: 'queue', queueId: queueIds.complaints } }, actors.camille)).code).toBe('forbidden');
    expect(failure(() => list({ desk: { kind: 'queue', queueId: 9999 } }, actors.sophie)).code).toBe('not_found');
  });

  it('refuses a cursor it did not make', () => {
    const refusal = failure(() => list({ desk: { kind: 'validation' }, after: 'pas-un-curseur' }, actors.sophie));
    expect(refusal).toMatchObject({ code: 'validation', fields: { after: expect.any(String) } });
  });
});

describe('desk paging', () => {
  const readAll = (query: DeskQuery, actor: AgentSummary) => {
    const pages = [list(query, actor)];
    while (pages.at(-1)?.next) pages.push(list({ ...query, after: pages.at(-1)?.next ?? undefined }, actor));
    return pages;
  };

  it.each([1, 2, 3, 500])('walks a desk completely, in order, %i rows at a time', (limit) => {
    const desk = { kind: 'queue', queueId: queueIds.service } as const;
    const whole = list({ desk }, actors.sophie).rows.map((r) => r.id);
    const pages = readAll({ desk, limit }, actors.sophie);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole);
    expect(pages.every((p) => p.total === whole.length && p.rows.length <= limit)).toBe(true);
    expect(pages.at(-1)?.next).toBeNull();
  });

  it('neither repeats nor skips a case when new ones arrive, even received at the same instant', () => {
    const desk = { kind: 'queue', queueId: queueIds.service } as const;
    const sameInstant = '2025-03-13T08:00:00.000Z';
    for (let i = 0; i < 5; i++) addWaitingCase(`9${String(i).padStart(5, '0')}`, sameInstant);
    const before = list({ desk }, actors.camille).rows.map((r) => r.id);
    const first = list({ desk, limit: 3 }, actors.camille);
    // A newer case arrives between two pages: it belongs before the cursor, so later pages ignore it.
    addWaitingCase('990099', '2025-03-14T09:59:00.000Z');
    const rest = readAll({ desk, limit: 3, after: first.next ?? undefined }, actors.camille);
    expect([...first.rows, ...rest.flatMap((p) => p.rows)].map((r) => r.id)).toEqual(before);
  });
});

describe('desk.queues', () => {
  it('lists the actor’s queues (all for a supervisor) with their waiting cases', () => {
    const waiting = (queue: DemoQueueKey) => expectedNumbers((d) => d.queue === queue && !d.assignee).length;
    const summary = (key: DemoAgentKey) => desks.queues(actors[key]).map((q) => [q.name, q.distribution]);
    expect(summary('camille')).toEqual([['Service clients', 'pull']]);
    expect(summary('lucas')).toEqual([['Réclamations', 'push'], ['Service clients', 'pull']]);
    expect(summary('sophie')).toEqual(summary('lucas'));
    const complaints = desks.queues(actors.lucas).find((q) => q.id === queueIds.complaints);
    expect(complaints?.waiting).toBe(waiting('complaints'));
    expect(complaints?.media).toBe('email');
  });
});

function addWaitingCase(number: string, receivedAt: string): void {
  const template = temp.db.orm.select().from(cases).get();
  if (!template) throw new Error('the demo has no case');
  const { id: _id, ...row } = template;
  temp.db.orm.insert(cases).values({
    ...row, number, state: 'todo', assigneeId: null, closedById: null, queueId: queueIds.service, receivedAt,
  }).run();
}
