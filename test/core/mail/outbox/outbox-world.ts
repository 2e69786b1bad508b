import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { agents, cases, mailboxes, messages, outbox, queues, type OutgoingMail } from '../../../../electron/core/db/schema';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../../../electron/core/mail/outbox/outbox-worker';
import { memorySecretStore, type Clock, type SecretStore } from '../../../../electron/core/ports';
import { columnsOf } from '../../../../electron/core/services/mailboxes/mailbox-rows';
import { createBlobStore } from '../../../../electron/core/storage/blob-store';
import type { EventName } from '../../../../shared/contract';
import type { MailboxSettings } from '../../../../shared/domain/mailbox';
import { migrationsFolder } from '../../temp-database';
import { CENTRE, centreSettings, CLIENT, type CentreRig } from './centre-rig';

/** A clock the test moves: backoff and leases pass without waiting. */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  let at = start;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

export const SECRET_KEY = 'mailbox:centre-test';

/**
 * A real core on a temp data folder (the demo centre), with the centre's mailbox row pointing at
 * the rig, its password in the secret store, and the means to queue replies as case actions do.
 */
export interface OutboxWorld {
  core: Core;
  dataDir: string;
  clock: TestClock;
  secrets: SecretStore;
  mailboxId: number;
  caseId: number;
  caseNumber: string;
  agentId: number;
  notes: { title: string; body: string }[];
  events: { name: EventName; payload: unknown }[];
  worker(options?: Partial<OutboxWorkerOptions>): OutboxWorker;
  queueReply(changes?: Partial<OutgoingMail>): { outboxId: number; messageId: string; messageRowId: number };
  outboxRow(id: number): typeof outbox.$inferSelect;
  dispose(): void;
}

export async function createOutboxWorld(rig: CentreRig, settings: Partial<MailboxSettings> = {}): Promise<OutboxWorld> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-outbox-'));
  const clock = testClock();
  const notes: OutboxWorld['notes'] = [];
  const events: OutboxWorld['events'] = [];
  const secrets = memorySecretStore();
  const notifier = { notify: (title: string, body: string) => void notes.push({ title, body }) };
  const core = createCore({ dataDir, migrationsFolder, demo: true, clock, secrets, notifier });
  core.events.subscribe((name, payload) => events.push({ name, payload }));
  const { db } = core;
  const queueId = (db.orm.select().from(queues).where(eq(queues.name, 'Service clients')).get() as { id: number }).id;
  const mailboxId = db.orm
    .insert(mailboxes)
    .values({ ...columnsOf(centreSettings(rig, queueId, settings)), secretKey: SECRET_KEY })
    .returning({ id: mailboxes.id })
    .get().id;
  await secrets.set(SECRET_KEY, CENTRE.password);
  const theCase = db.orm.select().from(cases).orderBy(asc(cases.id)).get() as typeof cases.$inferSelect;
  const agentId = (db.orm.select().from(agents).where(eq(agents.login, 'camille.martin')).get() as { id: number }).id;

  function queueReply(changes: Partial<OutgoingMail> = {}) {
    const messageId = `<ud.${theCase.number}.${randomBytes(8).toString('hex')}@test.local>`;
    const at = clock.now().toISOString();
    const payload: OutgoingMail = {
      mailboxId,
      from: { name: 'Centre de relation clients', address: CENTRE.user },
      to: [{ name: 'Client Test', address: CLIENT.user }],
      cc: [],
      bcc: [],
      subject: `RE: Ma question [#${theCase.number}] ${randomBytes(4).toString('hex')}`,
      html: '<p>Bonjour,</p><p>Voici notre réponse.</p>',
      text: 'Bonjour,\n\nVoici notre réponse.',
      inReplyTo: null,
      references: [],
      headers: { 'Message-ID': messageId, 'X-Unified-Case': theCase.number },
      attachments: [],
      ...changes,
    };
    return db.sqlite.transaction(() => {
      const outboxId = db.orm
        .insert(outbox)
        .values({ caseId: theCase.id, mailboxId, agentId, kind: 'reply', messageIdHeader: messageId, payload, nextAttemptAt: at, createdAt: at })
        .returning({ id: outbox.id })
        .get().id;
      const messageRowId = db.orm
        .insert(messages)
        .values({ caseId: theCase.id, direction: 'out', messageIdHeader: messageId, from: payload.from, to: payload.to, subject: payload.subject, html: payload.html, date: at, createdAt: at, authorId: agentId, outboxId })
        .returning({ id: messages.id })
        .get().id;
      return { outboxId, messageId, messageRowId };
    })();
  }

  return {
    core,
    dataDir,
    clock,
    secrets,
    mailboxId,
    caseId: theCase.id,
    caseNumber: theCase.number,
    agentId,
    notes,
    events,
    worker: (options = {}) =>
      createOutboxWorker({
        db,
        clock,
        events: core.events,
        secrets,
        notifier,
        dataDir,
        tls: { ca: rig.dovecot.ca },
        retry: { random: () => 0.5 },
        ...options,
      }),
    queueReply,
    outboxRow: (id) => db.orm.select().from(outbox).where(eq(outbox.id, id)).get() as typeof outbox.$inferSelect,
    dispose: () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Files as a reply action stores them: content-addressed under the data folder. */
export async function storeFile(dataDir: string, content: Buffer): Promise<string> {
  return (await createBlobStore(dataDir).put(content)).storagePath;
}

/** A 1×1 transparent PNG: the smallest real image an HTML part can refer to by `cid:`. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
