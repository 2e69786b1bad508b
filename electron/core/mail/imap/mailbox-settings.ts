import type { mailboxes } from '../../db/tables/organisation';

/** What the sync reads from a `mailboxes` row (the password stays in the SecretStore). */
export type Mailbox = Pick<
  typeof mailboxes.$inferSelect,
  'id' | 'imapHost' | 'imapPort' | 'imapTls' | 'imapUser' | 'secretKey' | 'inboxFolder' | 'sentFolder'
>;

/** Every field but the id: a change to any of them needs a new connection. */
export const connectionKey = ({ id: _id, ...settings }: Mailbox): string => JSON.stringify(settings);
