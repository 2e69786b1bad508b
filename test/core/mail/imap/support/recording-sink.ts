import type { Database } from '../../../../../electron/core/db/database';
import type { IncomingMail, IngestOutcome, IngestSink } from '../../../../../electron/core/mail/incoming-mail';
import { encodeReason } from '../../../../../electron/core/mail/ingest/quarantine';
import type { BlobStore } from '../../../../../electron/core/storage/blob-store';

export interface SinkCall {
  kind: 'ingest' | 'quarantine';
  folder: string;
  uidValidity: number;
  uid: number;
  outcome?: IngestOutcome['kind'];
}

export interface RecordingSink extends IngestSink {
  /** Every call, in order, once its transaction committed. */
  readonly calls: SinkCall[];
  /** Every message handed to `ingest`, as the sync built it. */
  readonly mails: IncomingMail[];
}

/**
 * A tiny real sink for the sync's own tests: it files every message into one case, dedupes like
 * the real one (same UID, or same Message-ID in the mailbox after a UIDVALIDITY change), moves
 * the checkpoint in the same transaction, and records each call, in order, which the real sink
 * (used by crash-safety and ingest-end-to-end) does not expose.
 */
export function createRecordingSink(db: Database, blobs: BlobStore, bucketCaseId: number): RecordingSink {
  const calls: SinkCall[] = [];
  const mails: IncomingMail[] = [];
  const sql = db.sqlite;
  const byUid = sql.prepare(`SELECT id FROM messages WHERE mailbox_id = ? AND folder = ? AND uidvalidity = ? AND uid = ?`);
  const byMessageId = sql.prepare(`SELECT id FROM messages WHERE mailbox_id = ? AND message_id_header = ?`);
  const insert = sql.prepare(
    `INSERT INTO messages (case_id, direction, message_id_header, in_reply_to, "references", "from", "to", cc, subject, text, html,
       date, mailbox_id, folder, uidvalidity, uid, raw_size, raw_path, created_at)
     VALUES (?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const quarantine = sql.prepare(
    `INSERT OR IGNORE INTO quarantine (mailbox_id, folder, uidvalidity, uid, reason, raw_path, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const checkpoint = sql.prepare(
    `INSERT INTO mail_checkpoints (mailbox_id, folder, uidvalidity, last_uid) VALUES (?, ?, ?, ?)
     ON CONFLICT (mailbox_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid`,
  );
  const isDuplicate = (mail: IncomingMail) =>
    byUid.get(mail.mailboxId, mail.folder, mail.uidValidity, mail.uid) !== undefined ||
    (mail.messageId !== null && byMessageId.get(mail.mailboxId, mail.messageId) !== undefined);

  const ingest = sql.transaction((mail: IncomingMail): IngestOutcome => {
    const duplicate = isDuplicate(mail);
    if (!duplicate) {
      const json = JSON.stringify;
      insert.run(bucketCaseId, mail.messageId, mail.inReplyTo, json(mail.references), json(mail.from ?? { address: '' }), json(mail.to),
        json(mail.cc), mail.subject, mail.text, mail.html, mail.date, mail.mailboxId, mail.folder, mail.uidValidity, mail.uid,
        mail.rawSize, blobs.relativePath(mail.rawSha256), mail.date);
    }
    checkpoint.run(mail.mailboxId, mail.folder, mail.uidValidity, mail.uid);
    return duplicate ? { kind: 'duplicate', caseId: bucketCaseId } : { kind: 'appended', caseId: bucketCaseId, number: '000001', reason: 'test', reopened: false };
  });
  const quarantineTx = sql.transaction((entry: Parameters<IngestSink['quarantine']>[0]) => {
    quarantine.run(entry.mailboxId, entry.folder, entry.uidValidity, entry.uid, encodeReason(entry.reason), blobs.relativePath(entry.rawSha256), new Date().toISOString());
    checkpoint.run(entry.mailboxId, entry.folder, entry.uidValidity, entry.uid);
  });

  return {
    calls,
    mails,
    ingest(mail) {
      const outcome = ingest(mail);
      mails.push(mail);
      calls.push({ kind: 'ingest', folder: mail.folder, uidValidity: mail.uidValidity, uid: mail.uid, outcome: outcome.kind });
      return outcome;
    },
    quarantine(entry) {
      quarantineTx(entry);
      calls.push({ kind: 'quarantine', folder: entry.folder, uidValidity: entry.uidValidity, uid: entry.uid });
    },
  };
}
