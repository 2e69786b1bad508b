import type { Database } from '../../../../../electron/core/db/database';
import { createCheckpointStore, type Checkpoint, type CheckpointStore } from '../../../../../electron/core/mail/imap/checkpoint-store';
import type { Mailbox } from '../../../../../electron/core/mail/imap/mailbox-settings';
import type { Clock } from '../../../../../electron/core/ports';
import { createBlobStore, type BlobStore } from '../../../../../electron/core/storage/blob-store';
import { fixedClock, openTempDatabase } from '../../../temp-database';

/** A fresh database with the rows mail needs: a queue, a form, a contact and one case to file into. */
export interface MailCentre {
  db: Database;
  dir: string;
  blobs: BlobStore;
  clock: Clock;
  checkpoints: CheckpointStore;
  bucketCaseId: number;
  addMailbox(settings: MailboxRow): Mailbox;
  checkpoint(mailboxId: number, folder?: string): Checkpoint | null;
  /** Incoming messages filed for a mailbox, in the order they were filed. */
  filed(mailboxId: number): FiledRow[];
  quarantined(mailboxId: number): QuarantineRow[];
  dispose(): void;
}

export interface MailboxRow {
  imapPort: number;
  imapUser: string;
  imapHost?: string;
  imapTls?: Mailbox['imapTls'];
  secretKey?: string;
  inboxFolder?: string;
  sentFolder?: string;
  active?: boolean;
}

export interface FiledRow {
  uid: number;
  uidValidity: number;
  folder: string;
  messageId: string | null;
  subject: string;
}

export interface QuarantineRow {
  uid: number;
  uidValidity: number;
  reason: string;
  rawPath: string;
}

const now = '2025-03-14T10:00:00.000Z';

function seedBucket(db: Database): { queueId: number; bucketCaseId: number } {
  const run = (sql: string, ...params: unknown[]) => Number(db.sqlite.prepare(sql).run(...params).lastInsertRowid);
  const queueId = run(`INSERT INTO queues (name, media, distribution) VALUES ('Courriel', 'email', 'pull')`);
  const formId = run(`INSERT INTO forms (name, media, standard) VALUES ('Courriel', 'email', 1)`);
  const contactId = run(`INSERT INTO contacts (last_name, first_name, created_at, updated_at) VALUES ('Test', 'Centre', ?, ?)`, now, now);
  const bucketCaseId = run(
    `INSERT INTO cases (number, subject, state, queue_id, form_id, contact_id, question_html, question_text, created_at, updated_at, received_at)
     VALUES ('000001', 'Courrier reçu', 'todo', ?, ?, ?, '', '', ?, ?, ?)`,
    queueId, formId, contactId, now, now, now,
  );
  return { queueId, bucketCaseId };
}

export function openMailCentre(): MailCentre {
  const temp = openTempDatabase();
  const { db } = temp;
  const { queueId, bucketCaseId } = seedBucket(db);
  let mailboxCount = 0;
  return {
    db,
    dir: temp.dir,
    blobs: createBlobStore(temp.dir),
    clock: fixedClock(now),
    checkpoints: createCheckpointStore(db),
    bucketCaseId,
    addMailbox(settings) {
      mailboxCount += 1;
      const row = {
        imapHost: '127.0.0.1',
        imapTls: 'starttls' as const,
        secretKey: `mailbox-${mailboxCount}`,
        inboxFolder: 'INBOX',
        sentFolder: 'Sent',
        active: true,
        ...settings,
      };
      const id = Number(
        db.sqlite
          .prepare(
            `INSERT INTO mailboxes (name, address, sender_name, imap_host, imap_port, imap_tls, imap_user, smtp_host, smtp_port,
               smtp_tls, smtp_user, secret_key, queue_id, inbox_folder, sent_folder, active)
             VALUES (?, ?, 'Centre', ?, ?, ?, ?, '127.0.0.1', 25, 'none', ?, ?, ?, ?, ?, ?)`,
          )
          .run(`Boîte ${mailboxCount}`, `boite${mailboxCount}@test.local`, row.imapHost, row.imapPort, row.imapTls, row.imapUser,
            row.imapUser, row.secretKey, queueId, row.inboxFolder, row.sentFolder, row.active ? 1 : 0).lastInsertRowid,
      );
      const { active: _active, ...mailbox } = row;
      return { id, ...mailbox };
    },
    checkpoint: (mailboxId, folder = 'INBOX') => createCheckpointStore(db).read(mailboxId, folder),
    filed: (mailboxId) =>
      db.sqlite
        .prepare(
          `SELECT uid, uidvalidity AS uidValidity, folder, message_id_header AS messageId, subject
           FROM messages WHERE mailbox_id = ? ORDER BY id`,
        )
        .all(mailboxId) as FiledRow[],
    quarantined: (mailboxId) =>
      db.sqlite
        .prepare(`SELECT uid, uidvalidity AS uidValidity, reason, raw_path AS rawPath FROM quarantine WHERE mailbox_id = ? ORDER BY id`)
        .all(mailboxId) as QuarantineRow[],
    dispose: () => temp.dispose(),
  };
}
