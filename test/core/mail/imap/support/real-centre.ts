import { eq } from 'drizzle-orm';
import { mailboxes, queues } from '../../../../../electron/core/db/schema';
import { openDemoDatabase, type TempDatabase } from '../../../temp-database';

/** The demo centre (queues, forms, routing) with one mailbox on the rig: for the real ingest sink. */
export interface RealCentre {
  temp: TempDatabase;
  mailboxId: number;
  /** Incoming messages of the mailbox as filed by the real sink, with their case. */
  incoming(): Array<{ uid: number; messageId: string | null; caseId: number }>;
  quarantined(): number;
  lastUid(): number | null;
  dispose(): void;
}

export function openRealCentre(imap: { port: number; user: string }): RealCentre {
  const temp = openDemoDatabase();
  const { db } = temp;
  const queue = db.orm.select({ id: queues.id }).from(queues).where(eq(queues.name, 'Service clients')).get();
  if (!queue) throw new Error('the demo centre has no "Service clients" queue any more');
  const mailbox = db.orm
    .insert(mailboxes)
    .values({
      name: 'Centre',
      address: 'centre@test.local',
      senderName: 'Service clients',
      imapHost: '127.0.0.1',
      imapPort: imap.port,
      imapTls: 'starttls',
      imapUser: imap.user,
      smtpHost: '127.0.0.1',
      smtpPort: 25,
      smtpTls: 'none',
      smtpUser: imap.user,
      secretKey: 'mailbox.centre',
      queueId: queue.id,
    })
    .returning({ id: mailboxes.id })
    .get();
  const all = (sql: string) => db.sqlite.prepare(sql).all(mailbox.id);
  return {
    temp,
    mailboxId: mailbox.id,
    incoming: () =>
      all(`SELECT uid, message_id_header AS messageId, case_id AS caseId FROM messages WHERE mailbox_id = ? AND direction = 'in'`) as Array<{
        uid: number;
        messageId: string | null;
        caseId: number;
      }>,
    quarantined: () => (all(`SELECT id FROM quarantine WHERE mailbox_id = ?`) as unknown[]).length,
    lastUid: () => (all(`SELECT last_uid AS lastUid FROM mail_checkpoints WHERE mailbox_id = ?`)[0] as { lastUid: number } | undefined)?.lastUid ?? null,
    dispose: () => temp.dispose(),
  };
}
