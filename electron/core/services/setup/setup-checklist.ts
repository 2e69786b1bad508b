import { and, count, eq, ne, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Checklist, ChecklistItem } from '../../../../shared/domain/setup-schema';
import { checklistItems } from '../../../../shared/domain/setup-schema';
import type { Database } from '../../db/database';
import { addressBookEntries, agents, mailboxes, queues } from '../../db/schema';
import { readSettings } from '../admin/settings';

/**
 * Each item of a new centre's checklist, read from the centre's own data: it is done when the
 * screen it opens has done its work, and undone again if that work is undone.
 */
export function readChecklist(db: Database): Checklist {
  const any = (table: SQLiteTable, where?: SQL) => (db.orm.select({ n: count() }).from(table).where(where).get()?.n ?? 0) > 0;
  const done: Record<ChecklistItem, () => boolean> = {
    mailbox: () => any(mailboxes),
    sendingMailbox: () => {
      const id = readSettings(db).defaultSendingMailboxId;
      return id !== null && any(mailboxes, eq(mailboxes.id, id));
    },
    queues: () => any(queues, eq(queues.active, true)),
    // People who handle cases: the first administrator alone answers no mail.
    agents: () => any(agents, and(eq(agents.active, true), ne(agents.role, 'administrator'))),
    // The book holds the imported addresses and every contact's (contact-entries.ts).
    contacts: () => any(addressBookEntries),
  };
  return checklistItems.map((item) => ({ item, done: done[item]() }));
}
