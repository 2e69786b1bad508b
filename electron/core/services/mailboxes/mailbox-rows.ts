import type { MailboxSettings, MailboxView } from '../../../../shared/domain/mailbox';
import type { mailboxes } from '../../db/schema';
import { mailboxConfigOf, storedSentFolder, type MailboxRow } from '../../mail/outbox/mailbox-config';

type MailboxColumns = Omit<typeof mailboxes.$inferInsert, 'id' | 'secretKey'>;

/** The form's shape (two servers, a nullable Sent folder) onto the table's flat columns. */
export function columnsOf(settings: MailboxSettings): MailboxColumns {
  return {
    name: settings.name,
    address: settings.address,
    senderName: settings.senderName,
    queueId: settings.queueId,
    imapHost: settings.imap.host,
    imapPort: settings.imap.port,
    imapTls: settings.imap.tls,
    imapUser: settings.imap.user,
    smtpHost: settings.smtp.host,
    smtpPort: settings.smtp.port,
    smtpTls: settings.smtp.tls,
    smtpUser: settings.smtp.user,
    inboxFolder: settings.inboxFolder,
    sentFolder: storedSentFolder(settings.sentFolder),
    active: settings.active,
  };
}

/** What the administrator sees: everything but the password, of which only its presence. */
export function viewOf(row: MailboxRow, hasPassword: boolean): MailboxView {
  const config = mailboxConfigOf(row);
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    senderName: row.senderName,
    queueId: row.queueId,
    imap: config.imap,
    smtp: config.smtp,
    inboxFolder: config.inboxFolder,
    sentFolder: config.sentFolder,
    active: row.active,
    hasPassword,
  };
}
