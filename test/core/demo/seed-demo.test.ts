import { count, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStates, type CaseState } from '../../../shared/domain/case-state';
import {
  agents, cases, contacts, drafts, formFields, forms, history, messages, notepadEntries, queueMembers, queues, settings,
  templates,
} from '../../../electron/core/db/schema';
import { seedDemoIfEmpty } from '../../../electron/core/demo/seed-demo';
import { verifyPassword } from '../../../electron/core/passwords';
import { fixedClock, openTempDatabase, type TempDatabase } from '../temp-database';

const clock = fixedClock('2025-03-14T10:00:00.000Z');
let temp: TempDatabase;
let seeded: boolean;
let seedMs: number;

beforeAll(() => {
  temp = openTempDatabase();
  const started = performance.now();
  seeded = seedDemoIfEmpty(temp.db, clock);
  seedMs = performance.now() - started;
});
afterAll(() => temp.dispose());

const orm = () => temp.db.orm;
const countOf = (table: SQLiteTable) => orm().select({ n: count() }).from(table).get()?.n ?? 0;

describe('seedDemoIfEmpty', () => {
  it('seeds an empty database, in well under the time a user waits', () => {
    expect(seeded).toBe(true);
    // Four scrypt hashes dominate; generous for a loaded CI machine.
    expect(seedMs).toBeLessThan(5000);
  });

  it('marks the database as a demo with France as default country', () => {
    const rows = orm().select().from(settings).all();
    expect(rows).toEqual(expect.arrayContaining([{ key: 'default_country', value: 'FR' }, { key: 'demo', value: 'true' }]));
  });

  it('creates agents with a supervisor, each with its own salted hash of "demo"', async () => {
    const rows = orm().select().from(agents).all();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((a) => a.displayName)).toEqual(expect.arrayContaining(['Camille Martin', 'Lucas Bernard', 'Sophie Durand']));
    expect(rows.find((a) => a.displayName === 'Sophie Durand')?.role).toBe('supervisor');
    expect(new Set(rows.map((a) => a.passwordHash)).size).toBe(rows.length);
    for (const agent of rows) expect(await verifyPassword('demo', agent.passwordHash)).toBe(true);
  });

  it('creates two e-mail queues, one pull and one push, each with members', () => {
    const rows = orm().select().from(queues).all();
    expect(rows.map((q) => q.distribution).sort()).toEqual(['pull', 'push']);
    for (const queue of rows) {
      const members = orm().select().from(queueMembers).where(eq(queueMembers.queueId, queue.id)).all();
      expect(members.length).toBeGreaterThan(0);
    }
  });

  it('creates one standard form per media with the seed’s fields', () => {
    const rows = orm().select().from(forms).all();
    expect(rows.filter((f) => f.standard).map((f) => f.media).sort()).toEqual(['email', 'letter', 'phone']);
    for (const form of rows) {
      const fields = orm().select().from(formFields).where(eq(formFields.formId, form.id)).all();
      const required = fields.filter((f) => f.required).map((f) => f.key);
      expect(required).toEqual(expect.arrayContaining(['contact.lastName', 'contact.firstName', 'case.subject', 'case.question']));
      expect(required.includes('contact.email')).toBe(form.media === 'email');
    }
  });

  it('creates templates using the placeholders', () => {
    const bodies = orm().select({ body: templates.bodyHtml }).from(templates).all().map((t) => t.body).join('');
    for (const placeholder of ['{{contact.civility}}', '{{contact.lastName}}', '{{case.number}}', '{{agent.name}}']) {
      expect(bodies).toContain(placeholder);
    }
  });

  it('creates 30 contacts with lower-cased e-mail keys and digits-only phones', () => {
    const rows = orm().select().from(contacts).all();
    expect(rows).toHaveLength(30);
    for (const contact of rows) {
      expect(contact.emailNormalized).toBe(contact.email?.toLowerCase() ?? null);
      for (const phone of [contact.mobile, contact.landline, contact.otherPhone, contact.fax]) {
        if (phone !== null) expect(phone).toMatch(/^\d{10,15}$/);
      }
    }
  });

  it('creates 20 cases covering every state, received in the past days', () => {
    const rows = orm().select().from(cases).all();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((c) => c.state))).toEqual(new Set(caseStates));
    const now = clock.now().getTime();
    for (const row of rows) {
      const received = Date.parse(row.receivedAt);
      expect(received).toBeLessThan(now);
      expect(now - received).toBeLessThan(10 * 86_400_000);
      expect(Date.parse(row.updatedAt)).toBeLessThan(now);
      expect(row.number).toMatch(/^\d{6}$/);
    }
  });

  it('gives each case an incoming message and a history that ends in its state', () => {
    for (const row of orm().select().from(cases).all()) {
      const thread = orm().select().from(messages).where(eq(messages.caseId, row.id)).all();
      expect(thread.find((m) => m.direction === 'in')).toBeDefined();
      const entries = orm().select().from(history).where(eq(history.caseId, row.id)).orderBy(history.at, history.id).all();
      expect(entries[0]?.stateBefore).toBeNull();
      expect(entries.at(-1)?.stateAfter).toBe(row.state);
      entries.slice(1).forEach((entry, i) => expect(entry.stateBefore).toBe(entries[i]?.stateAfter));
    }
  });

  it('keeps the workflow’s rules: assignees, pull-only todo_bis, held replies as drafts', () => {
    const rows = orm().select({ c: cases, q: queues }).from(cases).innerJoin(queues, eq(queues.id, cases.queueId)).all();
    const inState = (state: CaseState) => rows.filter((r) => r.c.state === state);
    expect(inState('todo').some((r) => r.c.assigneeId === null)).toBe(true);
    expect(inState('todo').some((r) => r.c.assigneeId !== null)).toBe(true);
    for (const { c } of rows.filter((r) => r.c.state !== 'todo')) expect(c.assigneeId).not.toBeNull();
    for (const { q } of inState('todo_bis')) expect(q.distribution).toBe('pull');
    for (const { c } of inState('closed')) expect(c.closedById).toBe(c.assigneeId);
    const drafted = new Set(orm().select({ id: drafts.caseId }).from(drafts).all().map((d) => d.id));
    for (const { c } of inState('in_validation')) expect(drafted.has(c.id)).toBe(true);
    expect(countOf(notepadEntries)).toBeGreaterThan(0);
  });

  it('fills the search tables', () => {
    const indexed = temp.db.sqlite.prepare('SELECT count(*) AS n FROM cases_fts').get() as { n: number };
    expect(indexed.n).toBe(20);
    const found = temp.db.sqlite.prepare(`SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH 'helene'`).all();
    expect(found).toHaveLength(1);
  });

  it('does nothing the second time', () => {
    expect(seedDemoIfEmpty(temp.db, clock)).toBe(false);
    expect(countOf(agents)).toBe(4);
    expect(countOf(cases)).toBe(20);
  });
});

describe('relations of the schema', () => {
  it('load a case with everything around it', () => {
    const withAll = {
      queue: true, assignee: true, closedBy: true, form: true, qualification: true, contact: true, mergedInto: true,
      mergedCases: true, fields: true, draft: true, notes: true, history: true, messages: true, attachments: true, outbox: true,
    } as const;
    const row = orm().query.cases.findFirst({ where: eq(cases.state, 'in_validation'), with: withAll }).sync();
    expect(row?.contact.lastName).toBeTruthy();
    expect(row?.assignee?.displayName).toBeTruthy();
    expect(row?.draft?.to).toEqual([{ name: expect.any(String), address: row?.contact.email }]);
    expect(row?.history.length).toBeGreaterThan(1);
    const tree = orm().query.qualifications.findMany({ with: { children: true, parent: true } }).sync();
    expect(tree.some((q) => q.children.length > 0)).toBe(true);
  });
});
