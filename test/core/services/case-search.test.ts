import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSummary } from '../../../shared/domain/agent';
import { deskSearchSchema, type DeskSearch, type SearchRow } from '../../../shared/domain/desk-search';
import { cases, messages } from '../../../electron/core/db/schema';
import type { DemoAgentKey } from '../../../electron/core/demo/demo-data';
import { createCaseSearch } from '../../../electron/core/services/case-search';
import { createSessionService } from '../../../electron/core/services/session-service';
import { fixedClock, openDemoDatabase, type TempDatabase } from '../temp-database';
import { failure } from './desk-fixture';

let temp: TempDatabase;
let search: ReturnType<typeof createCaseSearch>['search'];
let actors: Record<DemoAgentKey, AgentSummary>;

beforeAll(() => {
  temp = openDemoDatabase();
  search = createCaseSearch(temp.db).search;
  const byName = new Map(createSessionService(temp.db, fixedClock()).demoAccounts().map((a) => [a.displayName, a]));
  const agent = (name: string) => byName.get(name) as AgentSummary;
  actors = { camille: agent('Camille Martin'), lucas: agent('Lucas Bernard'), sophie: agent('Sophie Durand'), admin: agent('Admin Unified') };
});
afterAll(() => temp.dispose());

const find = (query: DeskSearch, key: DemoAgentKey) => search(deskSearchSchema.parse(query), actors[key]);
const subjects = (query: DeskSearch, key: DemoAgentKey) => find(query, key).rows.map((r) => r.subject);
const highlighted = (row: SearchRow | undefined) => row?.snippet.filter((p) => p.match).map((p) => p.text);

describe('desk.search, who finds what', () => {
  it('finds a case assigned to Lucas for Lucas and the supervisor, never for Camille', () => {
    const chantier = ['Retard de livraison sur chantier'];
    expect(subjects({ q: 'chantier' }, 'lucas')).toEqual(chantier);
    expect(subjects({ q: 'chantier' }, 'sophie')).toEqual(chantier);
    expect(find({ q: 'chantier' }, 'camille')).toEqual({ rows: [], total: 0, nextOffset: null });
  });

  it('finds a case waiting in a queue for its members only', () => {
    expect(subjects({ q: 'incompréhensible' }, 'camille')).toEqual(['Facture de mars incompréhensible']);
    // "Colis reçu endommagé" waits in Réclamations, which Camille does not belong to.
    expect(find({ q: 'éventré' }, 'camille').total).toBe(0);
    expect(subjects({ q: 'éventré' }, 'lucas')).toEqual(['Colis reçu endommagé']);
    expect(find({ q: 'chantier' }, 'admin').total).toBe(0);
  });

  it('searches within a desk, refused as the desk itself would be', () => {
    const rows = find({ q: 'facture', desk: { kind: 'in_progress' } }, 'camille').rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.assigneeId === actors.camille.id && ['todo', 'todo_bis', 'contact_replied'].includes(r.state))).toBe(true);
    expect(failure(() => find({ q: 'facture', desk: { kind: 'validation' } }, 'camille')).code).toBe('forbidden');
    expect(failure(() => find({ q: 'facture', desk: { kind: 'processed', agentId: actors.lucas.id } }, 'camille')).code).toBe('forbidden');
  });

  it('applies the desks’ filters', () => {
    const closed = find({ q: 'facture', filters: { states: ['closed'] } }, 'sophie').rows;
    expect(closed.map((r) => r.subject)).toEqual(['Pièce justificative manquante']);
  });

  it('leaves out a case merged into another', () => {
    const [merged] = temp.db.sqlite.prepare(`SELECT id FROM cases WHERE subject = 'Attestation de contrat'`).all() as { id: number }[];
    const [master] = temp.db.sqlite.prepare(`SELECT id FROM cases WHERE subject = 'Remboursement non reçu'`).all() as { id: number }[];
    expect(find({ q: 'location' }, 'camille').total).toBe(1);
    temp.db.orm.update(cases).set({ mergedIntoId: master?.id }).where(eq(cases.id, merged?.id ?? 0)).run();
    expect(find({ q: 'location' }, 'camille').total).toBe(0);
    temp.db.orm.update(cases).set({ mergedIntoId: null }).where(eq(cases.id, merged?.id ?? 0)).run();
  });
});

describe('desk.search, what it searches', () => {
  it('finds a word only the contact’s answer holds, in the messages', () => {
    const [row] = find({ q: 'TPE-4471-B' }, 'lucas').rows;
    expect(row).toMatchObject({ subject: 'Erreur de facturation sur le mois de février', matchedIn: 'message' });
    expect(highlighted(row)).toEqual(['TPE-4471-B']);
    expect(find({ q: 'TPE-4471-B' }, 'camille').total).toBe(0);
    expect(subjects({ q: 'mensualités de 80' }, 'camille')).toEqual(['Demande d’échéancier de paiement']);
  });

  it('finds a contact by name, accents or not, and a case by number', () => {
    expect(subjects({ q: 'helene blanc' }, 'camille')).toEqual(['Commande CMD-785230 incomplète']);
    const [first] = find({ q: '000001' }, 'sophie').rows;
    expect(first?.number).toBe('000001');
  });

  it('highlights the words found in the case', () => {
    const [row] = find({ q: 'incompréhensible' }, 'camille').rows;
    expect(row?.matchedIn).toBe('case');
    expect(highlighted(row)).toEqual(['incompréhensible']);
  });

  it('refuses a search with nothing to search', () => {
    expect(failure(() => find({ q: '"*()' }, 'camille'))).toMatchObject({ code: 'validation', fields: { q: expect.any(String) } });
    expect(deskSearchSchema.safeParse({ q: '   ' }).success).toBe(false);
  });
});

describe('desk.search, order and pages', () => {
  // Cases of Sophie's about a word nothing else holds: in the subject, in the question (twice,
  // an older and a newer), and a fourth only in a message.
  beforeAll(() => {
    addCase('990001', 'Zygomatique : question', 'Rien à signaler.', '2025-03-01T10:00:00.000Z');
    addCase('990002', 'Autre sujet', 'Il est question de zygomatique ici.', '2025-03-02T10:00:00.000Z');
    addCase('990003', 'Autre sujet', 'Il est question de zygomatique ici.', '2025-03-03T10:00:00.000Z');
    const inMessage = addCase('990004', 'Sans rapport', 'Rien à signaler.', '2025-03-04T10:00:00.000Z');
    addMessage(inMessage, 'Post-scriptum : zygomatique.');
  });

  it('orders by relevance, then newest, then the matches found only in messages', () => {
    const page = find({ q: 'zygomatique' }, 'sophie');
    expect(page.rows.map((r) => r.number)).toEqual(['990001', '990003', '990002', '990004']);
    expect(page.rows.map((r) => r.matchedIn)).toEqual(['case', 'case', 'case', 'message']);
    expect(page).toMatchObject({ total: 4, nextOffset: null });
  });

  it('pages by offset, every match once', () => {
    const pages = [0, 1, 2, 3].map((offset) => find({ q: 'zygomatique', limit: 1, offset }, 'sophie'));
    expect(pages.map((p) => p.rows[0]?.number)).toEqual(['990001', '990003', '990002', '990004']);
    expect(pages.map((p) => p.nextOffset)).toEqual([1, 2, 3, null]);
    expect(pages.every((p) => p.total === 4)).toBe(true);
  });
});

function addCase(number: string, subject: string, question: string, receivedAt: string): number {
  const template = temp.db.orm.select().from(cases).get();
  if (!template) throw new Error('no case to copy');
  const { id: _id, ...row } = template;
  const values = { ...row, number, subject, questionText: question, questionHtml: `<p>${question}</p>`, receivedAt };
  const assigned = { state: 'todo' as const, assigneeId: actors.sophie.id, mergedIntoId: null, closedById: null };
  return temp.db.orm.insert(cases).values({ ...values, ...assigned }).returning({ id: cases.id }).get().id;
}

function addMessage(caseId: number, text: string): void {
  const at = '2025-03-05T10:00:00.000Z';
  temp.db.orm
    .insert(messages)
    .values({ caseId, direction: 'in', from: { address: 'x@example.com' }, text, date: at, createdAt: at })
    .run();
}
