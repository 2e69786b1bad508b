import { ImapFlow } from 'imapflow';
import type { DovecotInstance } from '../../../../rig';

export interface TestMessageOptions {
  subject?: string;
  messageId?: string;
  body?: string;
}

/** A small, valid message; `tag` keeps Message-IDs apart between tests. */
export function testMessage(tag: string, n: number, options: TestMessageOptions = {}): string {
  return [
    `From: Client ${n} <client${n}@example.fr>`,
    'To: centre@test.local',
    `Subject: ${options.subject ?? `${tag} message ${n}`}`,
    `Date: Tue, 1 Apr 2025 10:${String(n % 60).padStart(2, '0')}:00 +0200`,
    `Message-ID: ${options.messageId ?? `<${tag}-${n}@example.fr>`}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.body ?? `Bonjour, ceci est le message ${n}.`,
    '',
  ].join('\r\n');
}

export interface MailUser {
  user: string;
  password: string;
}

/** A client of the rig's Dovecot, as a user: to put test mail in place over real IMAP. */
export async function withImap<T>(dovecot: DovecotInstance, account: MailUser, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: account.user, pass: account.password },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** APPENDs many messages on one connection: much faster than one `doveadm save` each. */
export async function appendAll(dovecot: DovecotInstance, account: MailUser, folder: string, raws: string[]): Promise<void> {
  await withImap(dovecot, account, async (client) => {
    if (folder.toUpperCase() !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
    for (const raw of raws) await client.append(folder, raw);
  });
}
