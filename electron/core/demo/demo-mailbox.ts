import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { mailboxes, settings } from '../db/schema';
import { storedSentFolder } from '../mail/outbox/mailbox-config';
import { settingKey } from '../services/admin/settings';
import { demoMailbox } from './demo-data';

/** Names the mailbox the demo seeded: the only one whose mail stays on this computer. */
const demoMailboxSetting = 'demo_mailbox_id';

/**
 * The demo's mailbox, chosen as the centre's default sending mailbox, so that a newcomer's first
 * reply leaves (into the demo's mail sink). Written in the seed's transaction.
 */
export function seedDemoMailbox(orm: Database['orm'], queueId: number): number {
  const endpoint = (port: number) => ({ host: demoMailbox.host, port, tls: 'implicit' as const, user: demoMailbox.user });
  const [imap, smtp] = [endpoint(993), endpoint(465)];
  const { id } = orm
    .insert(mailboxes)
    .values({
      name: demoMailbox.name,
      address: demoMailbox.address,
      senderName: demoMailbox.senderName,
      queueId,
      imapHost: imap.host,
      imapPort: imap.port,
      imapTls: imap.tls,
      imapUser: imap.user,
      smtpHost: smtp.host,
      smtpPort: smtp.port,
      smtpTls: smtp.tls,
      smtpUser: smtp.user,
      // No password anywhere: nothing ever logs in to this mailbox.
      secretKey: 'demo.mailbox',
      sentFolder: storedSentFolder(null),
    })
    .returning({ id: mailboxes.id })
    .get();
  orm.insert(settings).values([
    { key: demoMailboxSetting, value: String(id) },
    { key: settingKey('defaultSendingMailboxId'), value: String(id) },
  ]).run();
  return id;
}

export function isDemoMailbox(db: Database, mailboxId: number): boolean {
  return db.orm.select().from(settings).where(eq(settings.key, demoMailboxSetting)).get()?.value === String(mailboxId);
}
