import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { agents, cases, contacts, forms, messages, qualifications, queues, settings } from '../db/schema';
import type { Clock } from '../ports';
import { demoAgents, demoQueues, type DemoAgentKey, type DemoQueueKey } from './demo-data';
import { seedDemoIfEmpty } from './seed-demo';
import { caseWriter, type LargeOrganisation } from './seed-large-cases';
import { insertContacts } from './seed-large-contacts';
import { seededRandom } from './seed-large-random';

export interface LargeSeedOptions {
  clock: Clock;
  /** Cases the database holds afterwards, the demo's twenty included. */
  cases?: number;
  /** Contacts the database holds afterwards, the demo's included. */
  contacts?: number;
  /** Same seed, same clock: same database. */
  seed?: number;
  /** Called after the contacts, then after each tenth of the cases (each its own transaction). */
  onProgress?: (progress: { step: 'contacts' | 'cases'; done: number; total: number }) => void;
}

export interface LargeSeedResult {
  cases: number;
  contacts: number;
  messages: number;
}

/** Marks a database the large seed filled, with what it was asked for. */
export const largeSeedKey = 'large_seed';
/** Case numbers are six digits (`[#000123]`): beyond, their text order would no longer be numeric. */
const maxCases = 999_999;
const defaultSeed = 20_250_314;

/**
 * The demo centre at the scale of a year of mail (issue "Core", point 6): by default 100 000 cases
 * and 50 000 contacts with their messages and history, for the large-scale tests and the benches.
 * Into an empty or demo database only. Prepared statements in a few big transactions: each tenth
 * of the cases is one, so that progress shows and the WAL stays bounded.
 */
export function seedLarge(db: Database, options: LargeSeedOptions): LargeSeedResult {
  const target = { cases: options.cases ?? 100_000, contacts: options.contacts ?? 50_000 };
  if (target.cases > maxCases) throw new Error(`Au plus ${maxCases} dossiers : leurs numéros ont six chiffres.`);
  seedDemoIfEmpty(db, options.clock);
  checkSeedable(db);
  const seed = options.seed ?? defaultSeed;
  const random = seededRandom(seed);
  const now = options.clock.now();
  const existing = { cases: countOf(db, cases), contacts: countOf(db, contacts) };
  // At least one contact: the new cases need someone to belong to.
  const contactCount = Math.max(1, target.contacts - existing.contacts);
  const caseCount = Math.max(0, target.cases - existing.cases);

  const since = new Date(now.getTime() - 2 * 365 * 86_400_000).toISOString();
  const people = db.sqlite.transaction(() => {
    // Marked first: a run that fails half-way is refused next time rather than filled twice.
    db.orm.insert(settings).values({ key: largeSeedKey, value: JSON.stringify({ ...target, seed }) }).run();
    return insertContacts(db.sqlite, random, contactCount, since);
  }).immediate();
  options.onProgress?.({ step: 'contacts', done: people.length, total: people.length });

  const write = caseWriter(db.sqlite, {
    random, organisation: readOrganisation(db), contacts: people, now: now.getTime(),
    count: caseCount, firstNumber: existing.cases + 1,
  });
  writeByTenths(db, write, caseCount, options.onProgress);
  return { cases: countOf(db, cases), contacts: countOf(db, contacts), messages: countOf(db, messages) };
}

function writeByTenths(
  db: Database,
  write: (index: number) => void,
  total: number,
  onProgress: LargeSeedOptions['onProgress'],
): void {
  const writeRange = db.sqlite.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) write(index);
  });
  for (let tenth = 1; tenth <= 10; tenth++) {
    const [from, to] = [Math.floor(((tenth - 1) * total) / 10), Math.floor((tenth * total) / 10)];
    writeRange.immediate(from, to);
    onProgress?.({ step: 'cases', done: to, total });
  }
}

function countOf(db: Database, table: typeof cases | typeof contacts | typeof messages): number {
  return db.orm.select({ n: count() }).from(table).get()?.n ?? 0;
}

/** Only the demo centre is filled: a real centre's database is never touched. */
function checkSeedable(db: Database): void {
  const flags = new Map(db.orm.select().from(settings).all().map((row) => [row.key, row.value]));
  if (flags.get('demo') !== 'true') throw new Error('Cette base n’est pas celle de la démo : le jeu volumineux ne remplit qu’une démo.');
  if (flags.has(largeSeedKey)) throw new Error('Cette base contient déjà le jeu volumineux.');
}

/** The demo organisation, read back: the desks of the large seed are the demo agents' desks. */
function readOrganisation(db: Database): LargeOrganisation {
  const agentRows = new Map(db.orm.select().from(agents).all().map((a) => [a.login, a]));
  const queueRows = new Map(db.orm.select().from(queues).all().map((q) => [q.name, q]));
  const byKey = <K extends string, T>(entries: [K, T][]) => Object.fromEntries(entries) as Record<K, T>;
  const found = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`Il manque à cette base un élément de la démo : ${what}.`);
    return value;
  };
  const emailForm = db.orm.select({ id: forms.id }).from(forms).where(and(eq(forms.media, 'email'), eq(forms.standard, true))).get();
  return {
    agents: byKey<DemoAgentKey, { id: number; displayName: string }>(
      demoAgents.map((a) => [a.key, found(agentRows.get(a.login), `l’agent ${a.login}`)]),
    ),
    queues: byKey<DemoQueueKey, LargeOrganisation['queues'][DemoQueueKey]>(
      demoQueues.map((q) => [q.key, { ...q, id: found(queueRows.get(q.name), `la file ${q.name}`).id }]),
    ),
    emailFormId: found(emailForm, 'le formulaire e-mail').id,
    qualificationIds: new Map(db.orm.select().from(qualifications).all().map((q) => [q.label, q.id])),
  };
}
