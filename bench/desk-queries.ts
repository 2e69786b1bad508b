// `npm run bench [-- DATA_DIR]`: desks and search on the large demo database (`npm run seed:large`),
// through the contract as the renderer calls them. Without DATA_DIR (or UNIFIED_DATA_DIR), a large
// database is first seeded into a temp folder (about a minute). Prints a table; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, databaseFile, type Connection } from '../electron/core/create-core';
import { openDatabase } from '../electron/core/db/database';
import { seedLarge } from '../electron/core/demo/seed-large';
import { trackingNumber } from '../electron/core/demo/seed-large-text';
import { systemClock } from '../electron/core/ports';
import { measureInRounds, printTable, type Scenario } from './measure';

const migrationsFolder = path.resolve('drizzle');

function largeDataDir(): { dataDir: string; dispose: () => void } {
  const given = process.argv[2] ?? process.env.UNIFIED_DATA_DIR;
  if (given) return { dataDir: path.resolve(given), dispose: () => undefined };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-bench-'));
  console.log(`Seeding 100 000 cases into ${dataDir}…`);
  const db = openDatabase(databaseFile(dataDir), migrationsFolder);
  seedLarge(db, { clock: systemClock });
  db.close();
  return { dataDir, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function signedIn(connection: Connection, login: string): Promise<number> {
  const agents = await call(connection, 'session.agents', {});
  const agent = (agents as { id: number; displayName: string; login: string }[]).find((a) => a.displayName === login);
  if (!agent) throw new Error(`no agent ${login}: is this the demo centre?`);
  await call(connection, 'session.signIn', { login: agent.login, password: 'demo' });
  return agent.id;
}

async function call(connection: Connection, name: string, input: unknown): Promise<unknown> {
  const result = await connection.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data;
}

/** The cursor of page `pages` of a desk: where a deep page starts. */
async function deepCursor(connection: Connection, query: object, pages: number): Promise<string> {
  let after: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = (await call(connection, 'desk.list', { ...query, after })) as { next: string | null };
    if (!page.next) break;
    after = page.next;
  }
  return after ?? '';
}

async function main(): Promise<void> {
  const { dataDir, dispose } = largeDataDir();
  const core = createCore({ dataDir, migrationsFolder });
  try {
    const agent = core.connect();
    const supervisor = core.connect();
    await signedIn(agent, 'Camille Martin');
    const lucasId = await signedIn(core.connect(), 'Lucas Bernard');
    await signedIn(supervisor, 'Sophie Durand');
    const queueId = (core.db.sqlite.prepare(`SELECT id FROM queues WHERE name = 'Service clients'`).get() as { id: number }).id;
    const billing = (core.db.sqlite.prepare(`SELECT id FROM qualifications WHERE label = 'Facturation'`).get() as { id: number }).id;
    const newest = core.db.sqlite.prepare('SELECT * FROM cases ORDER BY id DESC LIMIT 100');
    const inProgress = { desk: { kind: 'in_progress' }, limit: 100 };
    const processedOfLucas = { desk: { kind: 'processed', agentId: lucasId }, limit: 100 };
    const list = (name: string, connection: Connection, query: object): Scenario => ({
      name,
      run: () => call(connection, 'desk.list', query),
    });
    const search = (name: string, connection: Connection, q: string): Scenario => ({
      name,
      run: () => call(connection, 'desk.search', { q }),
    });
    const scenarios: Scenario[] = [
      // Reading 100 rows of cases, no contract, no join: what the machine does in the meantime.
      { name: 'baseline: 100 newest cases, raw SQL', run: () => newest.all() },
      list('in_progress (2 000 cases), first page', agent, inProgress),
      list('in_progress, page 15', agent, { ...inProgress, after: await deepCursor(agent, inProgress, 15) }),
      list('in_progress, by state', agent, { ...inProgress, sort: { by: 'state', direction: 'asc' } }),
      list('in_progress, 2 states + unread + 30 days', agent, {
        ...inProgress,
        filters: { states: ['todo', 'contact_replied'], unreadOnly: true, receivedFrom: daysAgo(30) },
      }),
      list('queue (2 300 waiting), first page', agent, { desk: { kind: 'queue', queueId }, limit: 100 }),
      list('processed (45 000 cases), first page', supervisor, processedOfLucas),
      list('processed, page 100', supervisor, { ...processedOfLucas, after: await deepCursor(supervisor, processedOfLucas, 100) }),
      list('processed, by number asc', supervisor, { ...processedOfLucas, sort: { by: 'number', direction: 'asc' } }),
      list('processed, qualification tree + one month', supervisor, {
        ...processedOfLucas,
        filters: { qualificationId: billing, receivedFrom: daysAgo(120), receivedTo: daysAgo(90) },
      }),
      list('validation desk', supervisor, { desk: { kind: 'validation' }, limit: 100 }),
      search('search "colis endommagé" (agent)', agent, 'colis endommagé'),
      search('search "facture", common word (supervisor)', supervisor, 'facture'),
      search('search "rembour", prefix (supervisor)', supervisor, 'rembour'),
      search('search a contact\'s name (supervisor)', supervisor, 'Hélène Guérin'),
      search('search a token only in a message (supervisor)', supervisor, trackingNumber(4242)),
      search('search a token only in a message (agent)', agent, trackingNumber(4242)),
    ];
    printTable('Sans statistiques du planificateur / without planner statistics (as the app runs today)', await measureInRounds(scenarios));
    // ANALYZE inside a transaction that is rolled back: the figures with statistics, and the
    // database left as it was.
    core.db.sqlite.exec('BEGIN; ANALYZE;');
    try {
      printTable('Avec ANALYZE / with planner statistics (what PRAGMA optimize would keep)', await measureInRounds(scenarios));
    } finally {
      core.db.sqlite.exec('ROLLBACK');
    }
  } finally {
    core.close();
    dispose();
  }
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

await main();
