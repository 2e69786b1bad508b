import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import { chooseSendingMailbox, noSendingMailboxMessage, type SendingOrigin } from '../../../../shared/domain/sending-mailbox';
import type { Database } from '../../db/database';
import { mailboxes, queues } from '../../db/schema';
import type { SendingMailbox } from '../../mail/outgoing-message';
import { readSettings } from '../admin/settings';

/** The mailbox a queue's replies leave from, or why there is none (in French, naming what to set). */
export type SendingResolution =
  | { kind: 'found'; mailbox: SendingMailbox; origin: SendingOrigin }
  | { kind: 'none'; message: string };

/**
 * The queue's own mailbox, else the centre's default one (Administration › Paramètres), whatever
 * the queue's media: a letter or phone case is answered by e-mail too.
 */
export function resolveSendingMailbox(db: Database, queueId: number): SendingResolution {
  const queue = db.orm.select({ name: queues.name, mailboxId: queues.mailboxId }).from(queues).where(eq(queues.id, queueId)).get();
  const choice = chooseSendingMailbox(queue?.mailboxId ?? null, readSettings(db).defaultSendingMailboxId);
  const mailbox =
    choice &&
    db.orm
      .select({ id: mailboxes.id, address: mailboxes.address, senderName: mailboxes.senderName })
      .from(mailboxes)
      .where(eq(mailboxes.id, choice.mailboxId))
      .get();
  if (!choice || !mailbox) return { kind: 'none', message: noSendingMailboxMessage(queue?.name ?? '?') };
  return { kind: 'found', mailbox, origin: choice.origin };
}

/**
 * The mailbox a reply of this queue is sent from. Without one the reply is refused, since the
 * outbox must name the mailbox whose SMTP server sends it; the refusal says where to choose it.
 */
export function sendingMailbox(db: Database, queueId: number): SendingMailbox {
  const resolution = resolveSendingMailbox(db, queueId);
  if (resolution.kind === 'none') throw new AppFailure({ code: 'refused', message: resolution.message });
  return resolution.mailbox;
}
