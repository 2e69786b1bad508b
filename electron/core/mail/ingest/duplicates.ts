import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { messages } from '../../db/schema';
import type { IncomingMail } from '../incoming-mail';

type Located = Pick<IncomingMail, 'mailboxId' | 'folder' | 'uidValidity' | 'uid' | 'rawSha256'>;

/**
 * The case of a message already filed, or null. Same place (mailbox, folder, UIDVALIDITY, UID): the
 * sync fetched it twice. Same source bytes in this mailbox: the server renumbered its UIDs (RFC 3501
 * §2.3.1.1, a new UIDVALIDITY) and sends everything again, or the message moved between folders.
 * Never the Message-ID: it is only what the sender claims, and broken mailers, lists, forwarded
 * copies and spam reuse them; two customers' mails must never collapse into one.
 */
export function findDuplicate(db: Database, mail: Located): { caseId: number } | null {
  const samePlace = and(
    eq(messages.mailboxId, mail.mailboxId),
    eq(messages.folder, mail.folder),
    eq(messages.uidValidity, mail.uidValidity),
    eq(messages.uid, mail.uid),
  );
  const sameSource = and(eq(messages.mailboxId, mail.mailboxId), eq(messages.rawSha256, mail.rawSha256));
  // Two lookups rather than one OR: each uses its own index (messages_mailbox_uid, messages_mailbox_source_idx).
  const caseOf = (where: typeof samePlace) => db.orm.select({ caseId: messages.caseId }).from(messages).where(where).get();
  return caseOf(samePlace) ?? caseOf(sameSource) ?? null;
}

/**
 * The first message we hold, in either direction, with the Message-ID a new message claims too: the
 * new one is filed all the same, and shows the agent the id was already seen (a reused or forged
 * Message-ID is worth knowing about). Null for a message without one (its key is ours, not claimed).
 */
export function earlierHolderOf(db: Database, messageId: string | null): number | null {
  if (messageId === null) return null;
  const first = db.orm
    .select({ id: messages.id })
    .from(messages)
    .where(eq(messages.messageIdHeader, messageId))
    .orderBy(asc(messages.id))
    .get();
  return first?.id ?? null;
}
