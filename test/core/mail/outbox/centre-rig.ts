import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { MailboxSettings } from '../../../../shared/domain/mailbox';
import { startDovecot, startSmtpServer, type DovecotInstance, type MailUser, type SmtpServerInstance, type SmtpServerOptions } from '../../../rig';

/** The centre's own account and one contact's, on the rig's Dovecot; the SMTP server delivers there. */
export const CENTRE = { user: 'centre@test.local', password: 'centre-secret' };
export const CLIENT = { user: 'client@test.local', password: 'client-secret' };
export const COPY = { user: 'copy@test.local', password: 'copy-secret' };

export interface CentreRig {
  dovecot: DovecotInstance;
  smtp: SmtpServerInstance;
  stop(): Promise<void>;
}

/**
 * `others`: more accounts on the same Dovecot, e.g. one customer per journey; `smtp`: how the SMTP
 * server behaves (e.g. filing submitted mail in Sent itself).
 */
export async function startCentreRig(others: MailUser[] = [], smtpOptions: Pick<SmtpServerOptions, 'fileInSent'> = {}): Promise<CentreRig> {
  const dovecot = await startDovecot({ users: [CENTRE, CLIENT, COPY, ...others] });
  const smtp = await startSmtpServer({ dovecot, ...smtpOptions });
  return {
    dovecot,
    smtp,
    stop: async () => {
      await smtp.stop();
      await dovecot.stop();
    },
  };
}

/** The centre's mailbox on the rig: IMAP over implicit TLS, SMTP with STARTTLS required. */
export function centreSettings(rig: CentreRig, queueId: number, overrides: Partial<MailboxSettings> = {}): MailboxSettings {
  return {
    name: 'Centre',
    address: CENTRE.user,
    senderName: 'Centre de relation clients',
    queueId,
    imap: { host: rig.dovecot.host, port: rig.dovecot.imapsPort, tls: 'implicit', user: CENTRE.user },
    smtp: { host: rig.smtp.host, port: rig.smtp.port, tls: 'starttls', user: CENTRE.user },
    inboxFolder: 'INBOX',
    sentFolder: null,
    active: true,
    ...overrides,
  };
}

export interface ReadBack {
  uid: number;
  flags: Set<string>;
  parsed: ParsedMail;
  raw: Buffer;
}

/** Every message of `folder` whose Message-ID is `messageId`, parsed (a count of one = once). */
export async function readByMessageId(
  rig: CentreRig,
  account: { user: string; password: string },
  messageId: string,
  folder = 'INBOX',
): Promise<ReadBack[]> {
  const client = new ImapFlow({
    host: rig.dovecot.host,
    port: rig.dovecot.imapsPort,
    secure: true,
    tls: { ca: rig.dovecot.ca },
    auth: { user: account.user, pass: account.password },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      // Collect first, then fetch: no command inside a fetch loop (imapflow #159).
      const found: ReadBack[] = [];
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true, flags: true }, { uid: true });
        if (!message || !message.source) continue;
        found.push({ uid, flags: message.flags ?? new Set(), parsed: await simpleParser(message.source, { keepCidLinks: true }), raw: message.source });
      }
      return found;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
