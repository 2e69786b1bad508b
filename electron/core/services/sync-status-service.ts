import { asc, eq } from 'drizzle-orm';
import type { MailboxSync } from '../../../shared/contract/calls/sync';
import type { EventPayload } from '../../../shared/contract/events';
import type { Database } from '../db/database';
import { mailboxes } from '../db/schema';
import type { EventBus } from '../event-bus';

type SyncStatus = EventPayload<'sync.status'>;

/**
 * Remembers the last `sync.status` of each mailbox, whoever emitted it (the mail runtime runs beside
 * the core, not inside it), so that a window that connects late still shows where sync stands.
 */
export function createSyncStatusService(deps: { db: Database; events: EventBus }) {
  const latest = new Map<number, SyncStatus>();
  deps.events.subscribe((name, payload) => {
    if (name === 'sync.status') {
      const status = payload as SyncStatus;
      latest.set(status.mailboxId, status);
    }
  });

  /** The active mailboxes, by name, each with its last status (null: nothing heard yet). */
  function current(): MailboxSync[] {
    return deps.db.orm
      .select({ mailboxId: mailboxes.id, name: mailboxes.name, address: mailboxes.address })
      .from(mailboxes)
      .where(eq(mailboxes.active, true))
      .orderBy(asc(mailboxes.name))
      .all()
      .map((mailbox) => ({ ...mailbox, status: latest.get(mailbox.mailboxId) ?? null }));
  }

  return { current };
}
