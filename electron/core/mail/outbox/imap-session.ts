import { ImapFlow } from 'imapflow';
import type { MailEndpoint } from '../../../../shared/domain/mailbox';
import { defaultMailTimeouts, imapOptions, type MailTimeouts, type MailTrust } from './mail-endpoint';

export interface ImapTarget {
  endpoint: MailEndpoint;
  password: string;
  trust: MailTrust;
  timeouts?: MailTimeouts;
  /** Aborted when the application stops: the connection is closed and the command in flight fails. */
  signal?: AbortSignal;
}

/** Opens an authenticated IMAP connection, runs `work`, and always logs out. */
export async function withImap<T>(target: ImapTarget, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  target.signal?.throwIfAborted();
  const client = new ImapFlow(imapOptions(target.endpoint, target.password, target.trust, target.timeouts ?? defaultMailTimeouts));
  // Socket errors after connect() are emitted, not thrown: unheard, they would crash the process
  // (imapflow #302). The command in flight rejects on its own.
  client.on('error', () => undefined);
  const close = () => client.close();
  target.signal?.addEventListener('abort', close, { once: true });
  try {
    await client.connect();
    try {
      return await work(client);
    } finally {
      // Aborted: already closed, a LOGOUT would only fail.
      if (!target.signal?.aborted) await client.logout().catch(() => client.close());
    }
  } finally {
    target.signal?.removeEventListener('abort', close);
  }
}
