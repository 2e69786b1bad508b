import { and, eq, or } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { messages } from '../../db/schema';
import type { IncomingMail } from '../incoming-mail';
import type { MessageKey } from './message-key';

type Located = Pick<IncomingMail, 'mailboxId' | 'folder' | 'uidValidity' | 'uid'>;

/**
 * The case of a message already filed, or null. Same place (mailbox, folder, UIDVALIDITY, UID): the
 * sync fetched it twice. Same key in this mailbox: the server renumbered its UIDs (RFC 3501
 * §2.3.1.1, a new UIDVALIDITY) and sends everything again. Same key as one of our own replies: our
 * mail came back (a Bcc or a redirect to our own address), already in its thread.
 */
export function findDuplicate(db: Database, mail: Located, key: MessageKey): { caseId: number } | null {
  const samePlace = and(
    eq(messages.mailboxId, mail.mailboxId),
    eq(messages.folder, mail.folder),
    eq(messages.uidValidity, mail.uidValidity),
    eq(messages.uid, mail.uid),
  );
  const sameKey = and(
    eq(messages.messageIdHeader, key.header),
    or(and(eq(messages.direction, 'in'), eq(messages.mailboxId, mail.mailboxId)), eq(messages.direction, 'out')),
  );
  // Two lookups rather than one OR: each uses its own index (messages_mailbox_uid, messages_message_id_idx).
  const caseOf = (where: typeof samePlace) => db.orm.select({ caseId: messages.caseId }).from(messages).where(where).get();
  return caseOf(samePlace) ?? caseOf(sameKey) ?? null;
}
