import { ImapFlow } from 'imapflow';
import type { MailEndpoint } from '../../../../shared/domain/mailbox';
import { defaultMailTimeouts, imapOptions, type MailTimeouts, type MailTrust } from './mail-endpoint';

/** Opens an authenticated IMAP connection, runs `work`, and always logs out. */
export async function withImap<T>(
  target: { endpoint: MailEndpoint; password: string; trust: MailTrust; timeouts?: MailTimeouts },
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = new ImapFlow(imapOptions(target.endpoint, target.password, target.trust, target.timeouts ?? defaultMailTimeouts));
  // Socket errors after connect() are emitted, not thrown: unheard, they would crash the process
  // (imapflow #302). The command in flight rejects on its own.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
