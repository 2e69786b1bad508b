import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { Database } from '../../db/database';
import { mailboxes, queues, settings } from '../../db/schema';
import type { SendingMailbox } from '../../mail/outgoing-message';

/**
 * Setting (key/value `settings` table) naming the mailbox replies leave from when their queue has
 * none: letter and phone queues cannot have one, and a centre with a single mailbox (or the demo,
 * which ships without any) sets it once rather than on every queue.
 */
export const defaultReplyMailboxSetting = 'reply_mailbox_id';

/**
 * The mailbox a reply of this queue is sent from: the queue's own, else the default one. Without
 * either the reply is refused, since the outbox must name the mailbox whose SMTP server sends it.
 */
export function sendingMailbox(db: Database, queueId: number): SendingMailbox {
  const queue = db.orm
    .select({ name: queues.name, mailboxId: queues.mailboxId })
    .from(queues)
    .where(eq(queues.id, queueId))
    .get();
  const mailboxId = queue?.mailboxId ?? defaultMailboxId(db);
  const mailbox =
    mailboxId === null
      ? undefined
      : db.orm
          .select({ id: mailboxes.id, address: mailboxes.address, senderName: mailboxes.senderName })
          .from(mailboxes)
          .where(eq(mailboxes.id, mailboxId))
          .get();
  if (!mailbox) {
    throw new AppFailure({
      code: 'refused',
      message:
        `Aucune boîte aux lettres d’envoi n’est configurée pour la file « ${queue?.name ?? '?'} » : ` +
        'un administrateur doit lui en choisir une (ou une boîte par défaut) avant que ses réponses puissent partir.',
    });
  }
  return mailbox;
}

function defaultMailboxId(db: Database): number | null {
  const row = db.orm.select().from(settings).where(eq(settings.key, defaultReplyMailboxSetting)).get();
  const id = Number(row?.value);
  return Number.isInteger(id) && id > 0 ? id : null;
}
