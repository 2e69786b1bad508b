/**
 * Which mailbox a queue's replies leave from (PRODUCT.md "Replying"), for every media: the queue's own
 * mailbox when the administrator chose one, else the centre's default sending mailbox. A letter or
 * phone case is answered by e-mail too, so these queues follow the same rule. The core applies it
 * when it sends; the queue form uses it to say which mailbox will actually send.
 */
export type SendingOrigin = 'queue' | 'default';

export interface SendingChoice {
  mailboxId: number;
  origin: SendingOrigin;
}

export function chooseSendingMailbox(queueMailboxId: number | null, defaultMailboxId: number | null): SendingChoice | null {
  if (queueMailboxId !== null) return { mailboxId: queueMailboxId, origin: 'queue' };
  if (defaultMailboxId !== null) return { mailboxId: defaultMailboxId, origin: 'default' };
  return null;
}

/** Where an administrator fixes a missing sending mailbox, in the words of the screens. */
export const noSendingMailboxMessage = (queueName: string) =>
  `Aucune boîte aux lettres d’envoi n’est choisie pour la file « ${queueName} » : choisissez la boîte d’envoi ` +
  `par défaut dans Administration › Paramètres, ou une boîte pour la file « ${queueName} » dans Administration › Files.`;
