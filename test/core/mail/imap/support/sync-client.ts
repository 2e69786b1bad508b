import { ImapFlow } from 'imapflow';
import { imapClientOptions } from '../../../../../electron/core/mail/imap/imap-client-options';
import type { DovecotInstance } from '../../../../rig';
import type { MailUser } from './test-messages';

/** A client set up as the product sets it up (STARTTLS required), trusting the rig's certificate. */
export async function connectAsProduct(dovecot: DovecotInstance, account: MailUser): Promise<ImapFlow> {
  const endpoint = { host: dovecot.host, port: dovecot.imapPort, tls: 'starttls' as const, user: account.user };
  const client = new ImapFlow(imapClientOptions(endpoint, account.password, { maxIdleMs: 60_000, tls: { ca: dovecot.ca } }));
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
