import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLarge, type LargeSeedOptions } from '../../../electron/core/demo/seed-large';
import { hashPassword } from '../../../electron/core/passwords';
import { fixedClock, openTempDatabase, type TempDatabase } from '../temp-database';

const clock = fixedClock('2025-03-14T10:00:00.000Z');
const small = { clock, cases: 800, contacts: 300 } satisfies LargeSeedOptions;
const opened: TempDatabase[] = [];
let temp: TempDatabase;
const progress: { step: string; done: number; total: number }[] = [];

function seeded(options: LargeSeedOptions = small): TempDatabase {
  const db = openTempDatabase();
  opened.push(db);
  seedLarge(db.db, options);
  return db;
}
const rows = <T = Record<string, unknown>>(db: TempDatabase, query: string) => db.db.sqlite.prepare(query).all() as T[];
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

beforeAll(() => {
  temp = seeded({ ...small, onProgress: (p) => void progress.push(p) });
});
afterAll(() => opened.forEach((db) => db.dispose()));

describe('seedLarge', () => {
  it('fills the demo up to the totals asked, demo included', () => {
    expect(rows(temp, 'SELECT count(*) AS n FROM cases')).toEqual([{ n: 800 }]);
    expect(rows(temp, 'SELECT count(*) AS n FROM contacts')).toEqual([{ n: 300 }]);
    expect(rows(temp, 'SELECT count(*) AS n FROM cases_fts')).toEqual([{ n: 800 }]);
    expect(rows(temp, `SELECT count(*) AS n FROM cases WHERE number = '000021'`)).toEqual([{ n: 1 }]);
  });

  it('reports the contacts, then each tenth of the cases', () => {
    expect(progress[0]).toEqual({ step: 'contacts', done: 270, total: 270 });
    const cases = progress.slice(1);
    expect(cases).toHaveLength(10);
    expect(cases.map((p) => p.done)).toEqual([78, 156, 234, 312, 390, 468, 546, 624, 702, 780]);
    expect(cases.every((p) => p.step === 'cases' && p.total === 780)).toBe(true);
  });

  it('gives the same database for the same seed, another for another seed', () => {
    const dump = (db: TempDatabase) =>
      JSON.stringify([
        rows(db, 'SELECT number, subject, state, assignee_id, queue_id, contact_id, received_at, unread FROM cases ORDER BY id'),
        rows(db, 'SELECT case_id, text, date FROM messages ORDER BY id'),
        rows(db, 'SELECT email, last_name FROM contacts ORDER BY id'),
      ]);
    expect(dump(seeded())).toBe(dump(temp));
    expect(dump(seeded({ ...small, seed: 7 }))).not.toBe(dump(temp));
  });

  it('writes cases the workflow could have produced', () => {
    const incoherent = (where: string) => rows(temp, `SELECT c.id FROM cases c WHERE c.number > '000020' AND (${where})`);
    // Assigned to a member of the case's queue; unassigned only while waiting in it.
    expect(incoherent(`c.assignee_id IS NOT NULL AND c.assignee_id NOT IN (SELECT agent_id FROM queue_members WHERE queue_id = c.queue_id)`)).toEqual([]);
    expect(incoherent(`c.assignee_id IS NULL AND (c.state <> 'todo' OR c.unread = 0)`)).toEqual([]);
    expect(incoherent(`c.state = 'closed' AND c.closed_by_id IS NOT c.assignee_id`)).toEqual([]);
    // The last history entry ends in the case's state; held replies are drafts; answers are messages.
    expect(incoherent(`c.state <> (SELECT state_after FROM history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1)`)).toEqual([]);
    expect(incoherent(`c.state = 'in_validation' AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.case_id = c.id)`)).toEqual([]);
    expect(incoherent(`c.state = 'contact_replied' AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.id AND m.text LIKE '%TRK%')`)).toEqual([]);
    expect(incoherent(`c.received_at > '2025-03-14T10:00:00.000Z' OR c.updated_at > '2025-03-14T10:00:00.000Z'`)).toEqual([]);
  });

  it('gives every desk something to show, and cases received at the same instant', () => {
    const states = rows<{ state: string }>(temp, 'SELECT DISTINCT state FROM cases ORDER BY state').map((r) => r.state);
    expect(states).toEqual(['closed', 'contact_replied', 'in_validation', 'todo', 'todo_bis', 'waiting_contact']);
    expect(rows(temp, `SELECT 1 FROM cases WHERE assignee_id IS NULL`).length).toBeGreaterThan(10);
    expect(rows(temp, `SELECT received_at FROM cases GROUP BY received_at HAVING count(*) > 1`).length).toBeGreaterThan(50);
  });

  it('refuses a database it already filled, and one that is not the demo', () => {
    expect(refusal(() => seedLarge(temp.db, small))).toMatch(/déjà/);
    const real = openTempDatabase();
    opened.push(real);
    const now = clock.now().toISOString();
    real.db.sqlite
      .prepare(`INSERT INTO agents (login, display_name, role, password_hash, created_at) VALUES ('a', 'A', 'agent', ?, ?)`)
      .run(hashPassword('x'), now);
    expect(refusal(() => seedLarge(real.db, small))).toMatch(/pas celle de la démo/);
    expect(rows(real, 'SELECT count(*) AS n FROM cases')).toEqual([{ n: 0 }]);
  });
});
