import { eq } from 'drizzle-orm';
import type { MailEndpoint } from '../../../../shared/domain/mailbox';
import type { Database } from '../../db/database';
import { mailboxes } from '../../db/schema';

export type MailboxRow = typeof mailboxes.$inferSelect;

/**
 * `sent_folder` is NOT NULL in the schema; the empty string stands for "the folder the server
 * flags \Sent". Only these two functions know it (a nullable column would say it directly).
 */
const flaggedSentFolder = '';
export const sentFolderOf = (row: Pick<MailboxRow, 'sentFolder'>): string | null =>
  row.sentFolder === flaggedSentFolder ? null : row.sentFolder;
export const storedSentFolder = (setting: string | null): string => setting ?? flaggedSentFolder;

/** What the mail code needs of a mailbox: its two servers and where its copies go. */
export interface MailboxConfig {
  id: number;
  address: string;
  imap: MailEndpoint;
  smtp: MailEndpoint;
  inboxFolder: string;
  sentFolder: string | null;
  secretKey: string;
}

export function mailboxConfigOf(row: MailboxRow): MailboxConfig {
  return {
    id: row.id,
    address: row.address,
    imap: { host: row.imapHost, port: row.imapPort, tls: row.imapTls, user: row.imapUser },
    smtp: { host: row.smtpHost, port: row.smtpPort, tls: row.smtpTls, user: row.smtpUser },
    inboxFolder: row.inboxFolder,
    sentFolder: sentFolderOf(row),
    secretKey: row.secretKey,
  };
}

export function readMailboxConfig(db: Database, mailboxId: number): MailboxConfig | null {
  const row = db.orm.select().from(mailboxes).where(eq(mailboxes.id, mailboxId)).get();
  return row ? mailboxConfigOf(row) : null;
}

