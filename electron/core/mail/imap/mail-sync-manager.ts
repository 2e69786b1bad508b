import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { mailboxes } from '../../db/tables/organisation';
import type { EventBus } from '../../event-bus';
import type { LocalMailboxes } from '../local-mailboxes';
import { createCheckpointStore } from './checkpoint-store';
import { createImapSupervisor, type ImapSupervisor, type SupervisorDeps } from './imap-supervisor';
import { connectionKey, type Mailbox } from './mailbox-settings';

export interface MailSyncManagerDeps extends Omit<SupervisorDeps, 'onStatus' | 'checkpoints'> {
  db: Database;
  events: Pick<EventBus, 'emit'>;
  /** Mailboxes with no server to sync (the demo's, see ../local-mailboxes.ts). */
  local?: Pick<LocalMailboxes, 'has'>;
}

export interface MailSyncManager {
  /** Starts one supervisor per active mailbox, and stops those of mailboxes gone or deactivated. */
  reload(): Promise<void>;
  /** Ids of the mailboxes being synced. */
  running(): number[];
  syncNow(mailboxId: number): void;
  /** A new connection for one mailbox, e.g. after its password changed in the SecretStore. */
  reconnect(mailboxId: number): Promise<void>;
  stop(): Promise<void>;
}

interface Running {
  key: string;
  supervisor: ImapSupervisor;
}

function activeMailboxes(db: Database): Mailbox[] {
  return db.orm
    .select({
      id: mailboxes.id,
      imapHost: mailboxes.imapHost,
      imapPort: mailboxes.imapPort,
      imapTls: mailboxes.imapTls,
      imapUser: mailboxes.imapUser,
      secretKey: mailboxes.secretKey,
      inboxFolder: mailboxes.inboxFolder,
      sentFolder: mailboxes.sentFolder,
    })
    .from(mailboxes)
    .where(eq(mailboxes.active, true))
    .all();
}

/**
 * One supervisor per active `mailboxes` row. Call `reload()` at start and after an administrator
 * changes a mailbox: a supervisor whose connection settings changed is replaced by a new one.
 */
export function createMailSyncManager(deps: MailSyncManagerDeps): MailSyncManager {
  const { db, events, local, ...supervisorDeps } = deps;
  const checkpoints = createCheckpointStore(db);
  const supervisors = new Map<number, Running>();
  const start = (mailbox: Mailbox) => {
    const supervisor = createImapSupervisor(mailbox, {
      ...supervisorDeps,
      checkpoints,
      onStatus: (status) => events.emit('sync.status', status),
    });
    supervisors.set(mailbox.id, { key: connectionKey(mailbox), supervisor });
    supervisor.start();
  };
  const stopOne = async (id: number) => {
    const running = supervisors.get(id);
    supervisors.delete(id);
    await running?.supervisor.stop();
  };

  const manager: MailSyncManager = {
    async reload() {
      const [localOnes, synced] = partition(activeMailboxes(db), (mailbox) => local?.has(mailbox.id) ?? false);
      // No server to wait for: a local mailbox's mail is filed as it comes, so it is always up to date.
      const at = supervisorDeps.clock.now().toISOString();
      for (const { id } of localOnes) events.emit('sync.status', { mailboxId: id, phase: 'idle', lastSuccessAt: at });
      const wanted = new Map(synced.map((mailbox) => [mailbox.id, mailbox]));
      const outdated = [...supervisors].filter(([id, running]) => {
        const mailbox = wanted.get(id);
        return mailbox === undefined || connectionKey(mailbox) !== running.key;
      });
      await Promise.all(outdated.map(([id]) => stopOne(id)));
      for (const mailbox of wanted.values()) if (!supervisors.has(mailbox.id)) start(mailbox);
    },
    running: () => [...supervisors.keys()],
    syncNow: (mailboxId) => supervisors.get(mailboxId)?.supervisor.syncNow(),
    async reconnect(mailboxId) {
      await stopOne(mailboxId);
      await manager.reload();
    },
    async stop() {
      await Promise.all([...supervisors.keys()].map(stopOne));
    },
  };
  return manager;
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
