import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { agents, cases, mailboxes, queues } from '../../../../electron/core/db/schema';
import { EventBus } from '../../../../electron/core/event-bus';
import type { IncomingMail, IngestOutcome, IngestSink } from '../../../../electron/core/mail/incoming-mail';
import type { CaseChange } from '../../../../electron/core/mail/ingest/case-change';
import { createIngestSink } from '../../../../electron/core/mail/ingest/create-ingest-sink';
import type { Clock } from '../../../../electron/core/ports';
import { afterAll } from 'vitest';
import { openDatabase } from '../../../../electron/core/db/database';
import { migrationsFolder, openDemoDatabase, type TempDatabase } from '../../temp-database';

export const centreAddress = 'contact@centre.fr';
export const customer = { name: 'Jeanne Client', address: 'jeanne.client@example.org' };

const hour = 3_600_000;
export const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The demo centre plus one mailbox (the demo has none) feeding the "Service clients" queue. */
export interface IngestFixture {
  temp: TempDatabase;
  db: TempDatabase['db'];
  sink: IngestSink;
  /** Every `case.changed` emitted, in order. */
  changes: CaseChange[];
  clock: Clock & { advanceHours(hours: number): void };
  mailboxId: number;
  queueIds: { service: number; complaints: number };
  agentIds: { camille: number; lucas: number };
  /** A message from `customer` to the centre, each with a fresh UID and Message-ID. */
  incoming(overrides?: Partial<IncomingMail>): IncomingMail;
  caseRow(caseId: number): typeof cases.$inferSelect;
  dispose(): void;
}

function movableClock(start: string): IngestFixture['clock'] {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advanceHours: (hours) => void (now += hours * hour) };
}

const start = '2025-03-14T10:00:00.000Z';
let seeded: TempDatabase | null = null;

/**
 * The demo centre, seeded once per test file (hashing its passwords takes a while) and copied for
 * each test: every test gets its own real SQLite file in the same state.
 */
function openSeededCopy(): TempDatabase {
  if (!seeded) {
    seeded = openDemoDatabase(movableClock(start));
    seeded.db.close();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ud-ingest-'));
  const file = path.join(dir, 'unified.sqlite');
  copyFileSync(seeded.file, file);
  const temp: TempDatabase = {
    db: openDatabase(file, migrationsFolder),
    dir,
    file,
    dispose: () => {
      temp.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

// Registered by the importing test file: the seeded copy goes with its last test.
afterAll(() => seeded?.dispose());

export function openIngestFixture(): IngestFixture {
  const clock = movableClock(start);
  const temp = openSeededCopy();
  const { db } = temp;
  const idOf = <T extends { id: number }>(row: T | undefined) => (row as T).id;
  const queueNamed = (name: string) => idOf(db.orm.select().from(queues).where(eq(queues.name, name)).get());
  const agentNamed = (login: string) => idOf(db.orm.select().from(agents).where(eq(agents.login, login)).get());
  const queueIds = { service: queueNamed('Service clients'), complaints: queueNamed('Réclamations') };
  const mailboxId = idOf(db.orm.insert(mailboxes).values(mailboxRow(queueIds.service)).returning().get());
  const events = new EventBus();
  const changes: CaseChange[] = [];
  events.subscribe((name, payload) => name === 'case.changed' && changes.push(payload as CaseChange));
  const sink = createIngestSink({ db, clock, events, dataDir: temp.dir });
  let uid = 0;
  return {
    temp,
    db,
    sink,
    changes,
    clock,
    mailboxId,
    queueIds,
    agentIds: { camille: agentNamed('camille.martin'), lucas: agentNamed('lucas.bernard') },
    incoming(overrides = {}) {
      uid += 1;
      return {
        mailboxId,
        folder: 'INBOX',
        uidValidity: 1,
        uid,
        messageId: `<m${uid}.${sha(String(Math.random())).slice(0, 8)}@client.example.org>`,
        inReplyTo: null,
        references: [],
        from: customer,
        replyTo: [],
        to: [{ name: 'Service clients', address: centreAddress }],
        cc: [],
        subject: `Question numéro ${uid}`,
        date: clock.now().toISOString(),
        text: `Bonjour, voici ma question numéro ${uid}.`,
        html: null,
        headers: {},
        attachments: [],
        rawSha256: sha(`raw ${uid}`),
        rawSize: 512,
        ...overrides,
      };
    },
    caseRow: (caseId) => db.orm.select().from(cases).where(eq(cases.id, caseId)).get() as typeof cases.$inferSelect,
    dispose: () => temp.dispose(),
  };
}

function mailboxRow(queueId: number) {
  return {
    name: 'Centre',
    address: centreAddress,
    senderName: 'Service clients',
    imapHost: '127.0.0.1',
    imapPort: 993,
    imapTls: 'implicit' as const,
    imapUser: 'contact',
    smtpHost: '127.0.0.1',
    smtpPort: 465,
    smtpTls: 'implicit' as const,
    smtpUser: 'contact',
    secretKey: 'mailbox.1',
    queueId,
  };
}

/** The case a filing opened or joined; fails the test on any other outcome. */
export function caseOf(outcome: IngestOutcome): number {
  if (outcome.kind === 'new_case' || outcome.kind === 'appended') return outcome.caseId;
  throw new Error(`expected a filed message, got ${JSON.stringify(outcome)}`);
}
