import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { expect } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { messages, outbox } from '../../../electron/core/db/schema';
import { startMailRuntime, type MailRuntime, type MailRuntimeOptions } from '../../../electron/core/mail/mail-runtime';
import { memorySecretStore } from '../../../electron/core/ports';
import { createApi, type Api } from '../../../shared/contract';
import type { MailboxSettings } from '../../../shared/domain/mailbox';
import type { MailUser, SmtpServerOptions } from '../../rig';
import { CENTRE, centreSettings, readByMessageId, startCentreRig, type CentreRig, type ReadBack } from '../../core/mail/outbox/centre-rig';
import { migrationsFolder } from '../../core/temp-database';

/** A customer: an account of the rig's Dovecot, writing to the centre from its own client. */
export interface Customer extends MailUser {
  name: string;
}

export const customer = (local: string, name: string): Customer => ({ user: `${local}@test.local`, password: `${local}-secret`, name });

export interface CustomerMail {
  subject: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

/**
 * The whole product against the rig: the demo centre on a temp data folder (real SQLite file,
 * real clock), its mailbox set up through the contract by the administrator, the mail runtime
 * started as the host starts it, and customers who write and read with their own mail accounts.
 */
export interface JourneyWorld {
  rig: CentreRig;
  core: Core;
  runtime: MailRuntime;
  mailboxId: number;
  /** Admin Unified, who set the mailbox up. */
  admin: Api;
  /** Camille Martin, an agent of the "Service clients" queue, signed in through the contract. */
  agent: Api;
  agentId: number;
  /** Sends as the customer through the rig's SMTP server; answers the Message-ID it gave. */
  send(from: Customer, mail: CustomerMail): Promise<string>;
  /** The case a message was filed in, once the runtime has filed it. */
  caseOf(messageId: string): Promise<number>;
  /** The outgoing messages of a case once all are sent, oldest first, with their Message-ID. */
  sentFor(caseId: number, count: number): Promise<Array<{ kind: string; messageId: string }>>;
  /** Every copy of a message in an account's folder (one copy: delivered once). */
  read(account: MailUser, messageId: string, folder?: string): Promise<ReadBack[]>;
  stop(): Promise<void>;
}

/** How the world's servers are reached and behave, when a journey needs it other than the default. */
export interface WorldSetup {
  smtp?: Pick<SmtpServerOptions, 'fileInSent'>;
  /** Changes to the centre's mailbox settings, e.g. its servers reached through a fault proxy. */
  mailbox?: (rig: CentreRig) => Promise<Partial<MailboxSettings>>;
}

export async function startJourneyWorld(customers: Customer[], options: MailRuntimeOptions = {}, setup: WorldSetup = {}): Promise<JourneyWorld> {
  const rig = await startCentreRig(customers, setup.smtp);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-journey-'));
  const core = createCore({ dataDir, migrationsFolder, demo: true, secrets: memorySecretStore() });
  const admin = await signIn(core, 'Admin Unified');
  const mailboxId = await configureMailbox(admin, rig, (await setup.mailbox?.(rig)) ?? {});
  const agent = await signIn(core, 'Camille Martin');
  const agentId = (await agent.session.current())?.id as number;
  const runtime = await startMailRuntime(core, { tls: { ca: rig.dovecot.ca }, ...options });
  const db = core.db;

  return {
    rig,
    core,
    runtime,
    mailboxId,
    admin,
    agent,
    agentId,
    send: (from, mail) => sendAs(rig, from, mail),
    async caseOf(messageId) {
      const filed = () => db.orm.select({ caseId: messages.caseId }).from(messages).where(eq(messages.messageIdHeader, messageId)).get();
      await expect.poll(filed, { timeout: 20_000, interval: 50 }).toBeDefined();
      return (filed() as { caseId: number }).caseId;
    },
    async sentFor(caseId, count) {
      const rows = () => db.orm.select().from(outbox).where(eq(outbox.caseId, caseId)).orderBy(asc(outbox.id)).all();
      await expect.poll(() => rows().map((row) => row.status), { timeout: 20_000, interval: 50 }).toEqual(Array(count).fill('sent'));
      return rows().map((row) => ({ kind: row.kind, messageId: row.messageIdHeader }));
    },
    read: (account, messageId, folder) => readByMessageId(rig, account, messageId, folder),
    async stop() {
      await runtime.stop();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
      await rig.stop();
    },
  };
}

/** A new connection (a window) signed in as one of the demo's people (password "demo"). */
export async function signIn(core: Core, displayName: string): Promise<Api> {
  const connection = core.connect();
  const api = createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  const agent = (await api.session.agents()).find((a) => a.displayName === displayName);
  if (!agent) throw new Error(`the demo has no agent called ${displayName}`);
  await api.session.signIn({ login: agent.login, password: 'demo' });
  return api;
}

/** The administrator's set-up: the mailbox on the rig, feeding "Service clients" and answering for it. */
async function configureMailbox(admin: Api, rig: CentreRig, changes: Partial<MailboxSettings>): Promise<number> {
  const queue = (await admin.admin.queues()).find((q) => q.name === 'Service clients');
  if (!queue) throw new Error('the demo has no "Service clients" queue');
  const mailbox = await admin.mailboxes.create({ ...centreSettings(rig, queue.id, changes), password: CENTRE.password });
  await admin.admin.updateQueue({ ...queue, mailboxId: mailbox.id });
  return mailbox.id;
}

async function sendAs(rig: CentreRig, from: Customer, mail: CustomerMail): Promise<string> {
  const transport = createTransport({
    host: rig.smtp.host,
    port: rig.smtp.port,
    requireTLS: true,
    tls: { ca: rig.smtp.ca },
    auth: { user: from.user, pass: from.password },
  });
  try {
    const info = await transport.sendMail({
      from: { name: from.name, address: from.user },
      to: CENTRE.user,
      subject: mail.subject,
      text: mail.text,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references ? { references: mail.references } : {}),
      headers: mail.headers ?? {},
    });
    return info.messageId;
  } finally {
    transport.close();
  }
}
