import { EventEmitter, once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createApi, type EventName } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/create-core';
import { mailboxes, queues } from '../../electron/core/db/schema';
import { memorySecretStore } from '../../electron/core/ports';
import { createMailSupervisor, type MailSupervisor, type MailSupervisorOptions } from '../../electron/mail-process/mail-supervisor';
import { forkMailProcess, type ForkedMailChild } from './forked-mail-process';

const migrationsFolder = path.resolve('drizzle');

/**
 * A centre as the desktop app runs it: this test process plays main (the demo database opened and
 * migrated first, main's bus, main's SecretStore), and the supervisor forks the real mail process.
 */
export interface MailCentre {
  core: Core;
  supervisor: MailSupervisor;
  children: ForkedMailChild[];
  secrets: ReturnType<typeof memorySecretStore>;
  /** The next child to say it is ready. */
  nextReady(): Promise<ForkedMailChild>;
  /**
   * The first event a window (a core connection in main, signed in as the administrator) hears that
   * matches. The sign-in takes a few milliseconds; what the tests wait for comes long after.
   */
  heard<E extends EventName>(name: E, match: (payload: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  dispose(): Promise<void>;
}

/**
 * `env` goes to the child (e.g. NODE_EXTRA_CA_CERTS to trust the rig's certificate); `options` to
 * the supervisor (e.g. how long a stop may take before the child is killed).
 */
export function startMailCentre(
  bundle: string,
  env: NodeJS.ProcessEnv = {},
  options: Pick<MailSupervisorOptions, 'stopTimeoutMs'> = {},
): MailCentre {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-mail-process-'));
  const secrets = memorySecretStore();
  const core = createCore({ dataDir, migrationsFolder, demo: true, secrets });
  const children: ForkedMailChild[] = [];
  const readiness = new EventEmitter();
  const supervisor = createMailSupervisor({
    spawn: () => {
      const child = forkMailProcess(bundle, ['--data-dir', dataDir, '--migrations', migrationsFolder], env);
      child.onMessage((message) => {
        if ((message as { type?: string }).type === 'ready') readiness.emit('ready', child);
      });
      children.push(child);
      return child;
    },
    events: core.events,
    secrets,
    notifier: { notify: () => undefined },
    restartDelayMs: () => 10,
    log: () => undefined,
    ...options,
  });
  return {
    core,
    supervisor,
    children,
    secrets,
    nextReady: async () => ((await once(readiness, 'ready')) as [ForkedMailChild])[0],
    heard: (wanted, match) =>
      new Promise((resolve) => {
        const connection = core.connect();
        void connection.call('session.signIn', { login: 'admin', password: 'demo' });
        connection.onEvent((name, payload) => {
          if (name !== wanted || !match(payload as Record<string, unknown>)) return;
          connection.close();
          resolve(payload as Record<string, unknown>);
        });
      }),
    dispose: async () => {
      await supervisor.stop();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface MailboxServer {
  port: number;
  tls: 'none' | 'starttls';
  user: string;
}

/**
 * A mailbox of the demo centre's "Service clients" queue, saved as an administrator saves it in main: through the contract's
 * `mailboxes.create` on a signed-in connection, so the mailbox service keeps the password in main's
 * SecretStore and announces the save on main's bus itself. Returns the id and its password's key.
 */
export async function saveMailbox(core: Core, server: MailboxServer, password: string): Promise<{ id: number; secretKey: string }> {
  const connection = core.connect();
  try {
    const api = createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
    await api.session.signIn({ login: 'admin', password: 'demo' });
    const endpoint = { host: '127.0.0.1', port: server.port, tls: server.tls, user: server.user };
    const saved = await api.mailboxes.create({
      name: 'Essai',
      address: server.user,
      senderName: 'Service clients',
      queueId: serviceQueueId(core),
      imap: endpoint,
      smtp: { ...endpoint, tls: 'none' },
      password,
    });
    const row = core.db.orm.select({ secretKey: mailboxes.secretKey }).from(mailboxes).where(eq(mailboxes.id, saved.id)).get();
    return { id: saved.id, secretKey: row?.secretKey ?? '' };
  } finally {
    connection.close();
  }
}

function serviceQueueId(core: Core): number {
  const queue = core.db.orm.select({ id: queues.id }).from(queues).where(eq(queues.name, 'Service clients')).get();
  if (!queue) throw new Error('the demo centre has no "Service clients" queue any more');
  return queue.id;
}

