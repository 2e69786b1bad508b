import type { mailboxes } from '../../db/tables/organisation';

/** What the sync reads from a `mailboxes` row (the password stays in the SecretStore). */
export type Mailbox = Pick<
  typeof mailboxes.$inferSelect,
  'id' | 'imapHost' | 'imapPort' | 'imapTls' | 'imapUser' | 'secretKey' | 'inboxFolder' | 'sentFolder'
>;

/** The fields whose change needs a new connection. */
export const connectionKey = (mailbox: Mailbox): string =>
  JSON.stringify([mailbox.imapHost, mailbox.imapPort, mailbox.imapTls, mailbox.imapUser, mailbox.secretKey, mailbox.inboxFolder, mailbox.sentFolder]);
