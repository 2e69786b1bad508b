import { asc, eq } from 'drizzle-orm';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type { ConnectionReport, MailboxCreate, MailboxSettings, MailboxTestInput, MailboxUpdate, MailboxView } from '../../../../shared/domain/mailbox';
import type { Database } from '../../db/database';
import { mailboxes, queues } from '../../db/schema';
import type { EventBus } from '../../event-bus';
import { testMailboxConnection, type MailboxUnderTest } from '../../mail/connection-test/connection-test';
import type { MailTrust } from '../../mail/outbox/mail-endpoint';
import { mailboxConfigOf, type MailboxRow } from '../../mail/outbox/mailbox-config';
import type { SecretStore } from '../../ports';
import { invalidField, notFound } from '../access';
import { administer, requireAdministrator } from '../admin/admin-guard';
import { columnsOf, viewOf } from './mailbox-rows';
import { hasSecret, withNewSecret } from './mailbox-secrets';

const mailboxMissing = 'Cette boîte aux lettres n’existe pas.';

export interface MailboxServiceOptions {
  /** Extra trust for the connection test (the tests' rig); absent, the system's roots. */
  tls?: MailTrust;
}

/**
 * The centre's mailboxes (PRODUCT.md "Roles": the administrator's, `forbidden` to anyone else). Every
 * saved change is announced (`mailboxes.changed`): the mail runtime starts, replaces or stops that
 * mailbox's sync at once, and an open administration screen can refresh.
 */
export function createMailboxService(deps: { db: Database; secrets: SecretStore; events: EventBus }, options: MailboxServiceOptions = {}) {
  const { db, secrets, events } = deps;
  const rowOf = (id: number) => db.orm.select().from(mailboxes).where(eq(mailboxes.id, id)).get();
  const present = async (row: MailboxRow) => viewOf(row, await hasSecret(secrets, row.secretKey));
  const announced = (row: MailboxRow) => {
    events.emit('mailboxes.changed', { mailboxId: row.id });
    return row;
  };

  async function list(actor: AgentSummary): Promise<MailboxView[]> {
    requireAdministrator(db, actor);
    const rows = db.orm.select().from(mailboxes).orderBy(asc(mailboxes.name)).all();
    return Promise.all(rows.map(present));
  }

  async function create(input: MailboxCreate, actor: AgentSummary): Promise<MailboxView> {
    // Refused before the password touches the store.
    requireAdministrator(db, actor);
    const { password, ...settings } = input;
    const row = await withNewSecret(secrets, password, (secretKey) =>
      administer(db, actor, () => {
        checkSettings(settings, null);
        return db.orm.insert(mailboxes).values({ ...columnsOf(settings), secretKey }).returning().get();
      }),
    );
    return present(announced(row));
  }

  async function update(input: MailboxUpdate, actor: AgentSummary): Promise<MailboxView> {
    requireAdministrator(db, actor);
    const { id, password, ...settings } = input;
    const save = (secretKey?: string) =>
      administer(db, actor, () => {
        const current = rowOf(id);
        if (!current) throw notFound(mailboxMissing);
        checkSettings(settings, id);
        const row = db.orm.update(mailboxes).set({ ...columnsOf(settings), ...(secretKey ? { secretKey } : {}) }).where(eq(mailboxes.id, id)).returning().get();
        return { row, replacedKey: secretKey ? current.secretKey : null };
      });
    const { row, replacedKey } = password === undefined ? save() : await withNewSecret(secrets, password, save);
    // A leftover secret under a key no row names is harmless; failing the saved change is not.
    if (replacedKey) await secrets.delete(replacedKey).catch(() => undefined);
    return present(announced(row));
  }

  async function test(input: MailboxTestInput, actor: AgentSummary): Promise<ConnectionReport> {
    requireAdministrator(db, actor);
    return testMailboxConnection(await underTest(input), options.tls);
  }

  async function underTest(input: MailboxTestInput): Promise<MailboxUnderTest> {
    const saved = input.mailboxId === undefined ? null : (rowOf(input.mailboxId) ?? null);
    if (input.mailboxId !== undefined && !saved) throw notFound(mailboxMissing);
    // The schema requires settings or a mailbox; the second test only satisfies the compiler.
    const config = input.settings ?? (saved ? mailboxConfigOf(saved) : null);
    if (!config) throw notFound(mailboxMissing);
    const password = input.password ?? (saved ? await secrets.get(saved.secretKey).catch(() => null) : null);
    return { imap: config.imap, smtp: config.smtp, inboxFolder: config.inboxFolder, sentFolder: config.sentFolder, password };
  }

  function checkSettings(settings: MailboxSettings, id: number | null): void {
    const queue = db.orm.select({ media: queues.media }).from(queues).where(eq(queues.id, settings.queueId)).get();
    if (!queue) throw invalidField('queueId', 'Cette file n’existe pas.');
    if (queue.media !== 'email') throw invalidField('queueId', 'Choisissez une file e-mail : elle reçoit le courrier de cette boîte.');
    const address = settings.address.toLowerCase();
    const taken = db.orm
      .select({ id: mailboxes.id, address: mailboxes.address })
      .from(mailboxes)
      .all()
      .some((other) => other.id !== id && other.address.toLowerCase() === address);
    if (taken) throw invalidField('address', 'Une autre boîte utilise déjà cette adresse.');
  }

  return { list, create, update, test };
}

export type MailboxService = ReturnType<typeof createMailboxService>;
