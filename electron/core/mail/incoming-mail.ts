import type { QuarantineCode } from '../../../shared/domain/quarantine';
import type { MailAddress } from '../db/tables/json-types';
import type { QuarantineEntry } from './ingest/quarantine';

/**
 * The boundary between IMAP sync (`mail/imap/`) and filing (`mail/ingest/`): a message fetched and
 * parsed, its attachments and raw source already written to the blob store (I/O happens before the
 * filing transaction, never inside it).
 */
export interface IncomingMail {
  mailboxId: number;
  folder: string;
  uidValidity: number;
  uid: number;
  /** With angle brackets, as in the header; null when the message has none. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** ISO 8601; the Date header, or the server's internal date when it is missing or absurd. */
  date: string;
  text: string | null;
  /** As received: sanitised when shown, never trusted. */
  html: string | null;
  /** The headers that decide auto-replies and loops, lower-case names. */
  headers: {
    autoSubmitted?: string;
    precedence?: string;
    xAutoreply?: string;
    xAutoResponseSuppress?: string;
    returnPath?: string;
    listId?: string;
    /** Our own marker on messages we send: a message carrying it is one of ours coming back. */
    xUnifiedCase?: string;
  };
  attachments: IncomingAttachment[];
  /** sha256 of the raw source in the blob store: the thread's "source" view. */
  rawSha256: string;
  /** The message's size on the server (RFC822.SIZE for one too large to download). */
  rawSize: number;
  /**
   * Set when only the headers were downloaded (the message was larger than the limit): filed all the
   * same, its text saying so, and its sender told (`oversize-notice/`).
   */
  tooLarge?: { size: number; limit: number };
}

export interface IncomingAttachment {
  sha256: string;
  size: number;
  mediaType: string;
  displayName: string;
  /** Inline parts (`cid:` in the HTML). */
  contentId?: string;
}

/** What filing did with one message; the sync reports it and moves its checkpoint. */
export type IngestOutcome =
  | { kind: 'new_case'; caseId: number; number: string }
  | { kind: 'appended'; caseId: number; number: string; reason: string; reopened: boolean }
  | { kind: 'duplicate'; caseId: number | null }
  | { kind: 'quarantined'; reason: QuarantineCode };

/**
 * Files one message in ONE synchronous transaction, together with the folder checkpoint
 * (`lastUid`), so that a crash either files it and moves the checkpoint, or does neither.
 * Idempotent: the same (mailbox, folder, uidValidity, uid), or after a UIDVALIDITY change the same
 * source (`rawSha256`) in that mailbox, is reported as a duplicate. A Message-ID never is: another
 * message claiming a known one is filed, and says so (ingest/duplicates.ts).
 */
export interface IngestSink {
  ingest(mail: IncomingMail): IngestOutcome;
  /** A message that could not be parsed or filed: kept with its raw source, checkpoint moved too. */
  quarantine(entry: QuarantineEntry): void;
}
