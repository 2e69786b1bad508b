import { count, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSummary } from '../../../shared/domain/agent';
import { deskQuerySchema, type DeskQuery } from '../../../shared/domain/desk';
import { cases } from '../../../electron/core/db/schema';
import { createDeskService, deskPageStatement, deskScope } from '../../../electron/core/services/desk-service';
import { createSessionService } from '../../../electron/core/services/session-service';
import { fixedClock, openDemoDatabase, type TempDatabase } from '../temp-database';

// Plans are read on a database without statistics (no ANALYZE), as the app's own database is:
// the indexes must serve the desks whatever SQLite knows about the data.
let temp: TempDatabase;
let camille: AgentSummary;
let sophie: AgentSummary;
let serviceQueue: number;

beforeAll(() => {
  temp = openDemoDatabase();
  const agents = createSessionService(temp.db, fixedClock()).demoAccounts();
  camille = agents.find((a) => a.displayName === 'Camille Martin') as AgentSummary;
  sophie = agents.find((a) => a.displayName === 'Sophie Durand') as AgentSummary;
  serviceQueue = (temp.db.sqlite.prepare(`SELECT id FROM queues WHERE name = 'Service clients'`).get() as { id: number }).id;
});
afterAll(() => temp.dispose());

function planOf(statement: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = statement.toSQL();
  const rows = temp.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** The plan's steps on `cases`: each must search an index, none scan the table or a whole index. */
function casesSteps(query: DeskQuery, actor: AgentSummary) {
  const parsed = deskQuerySchema.parse(query);
  const scope: SQL = deskScope(temp.db, parsed, actor);
  const page = planOf(deskPageStatement(temp.db, parsed, scope));
  const total = planOf(temp.db.orm.select({ n: count() }).from(cases).where(scope));
  return [...page, ...total].filter((step) => /\bcases\b/.test(step));
}

/** The cursor after the first case of a desk: where a later page starts. */
function secondPage(query: DeskQuery, actor: AgentSummary): string {
  const next = createDeskService(temp.db).list(deskQuerySchema.parse({ ...query, limit: 1 }), actor).next;
  if (!next) throw new Error('the desk has a single case');
  return next;
}

describe('desk query plans', () => {
  const inProgress: DeskQuery = { desk: { kind: 'in_progress' } };
  const queue = (): DeskQuery => ({ desk: { kind: 'queue', queueId: serviceQueue } });

  it.each([
    ['received', 'desc'],
    ['received', 'asc'],
    ['number', 'desc'],
    ['state', 'asc'],
  ] as const)('searches an index for the En cours and queue desks, sorted by %s %s', (by, direction) => {
    for (const [query, actor] of [[inProgress, camille], [queue(), camille]] as const) {
      const steps = casesSteps({ ...query, sort: { by, direction } }, actor);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) expect(step).toMatch(/^SEARCH cases USING (COVERING )?INDEX cases_(desk_agent|desk_queue|assignee_state|queue_state_assignee|state_received)_idx/);
    }
  });

  it('still searches an index on a later page, and with filters', () => {
    const filters = { states: ['todo' as const], unreadOnly: true, receivedFrom: '2025-03-01', queueId: serviceQueue };
    const desks: [DeskQuery, AgentSummary][] = [[inProgress, camille], [queue(), camille], [{ desk: { kind: 'processed', agentId: camille.id } }, sophie]];
    for (const [query, actor] of desks) {
      for (const sort of [{ by: 'received' }, { by: 'state' }] as const) {
        const later = { ...query, sort, after: secondPage({ ...query, sort }, actor) };
        for (const step of [...casesSteps(later, actor), ...casesSteps({ ...later, filters }, actor)]) {
          expect(step).toMatch(/^SEARCH cases USING/);
        }
      }
    }
  });
});
