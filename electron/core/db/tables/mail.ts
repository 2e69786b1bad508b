import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { cases } from './cases';
import { flag, id, instant, json } from './columns';
import type { MailAddress, OutgoingMail } from './json-types';
import { agents, mailboxes } from './organisation';

export const directions = ['in', 'out'] as const;
export const attachmentKinds = ['request', 'response', 'mail'] as const;
export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
/** `oversize_notice`: the sender of a message too large to download is told (text column: no migration). */
export const outboxKinds = ['reply', 'acknowledgement', 'waiting_message', 'oversize_notice'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** One message of a case's thread, incoming (synced by UID) or outgoing (a reply). */
export const messages = sqliteTable(
  'messages',
  {
    id: id(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: directions }).notNull(),
    /** The Message-ID header, with its angle brackets; threading looks it up. */
    messageIdHeader: text('message_id_header'),
    inReplyTo: text('in_reply_to'),
    references: json<string[]>('references').notNull().default([]),
    from: json<MailAddress>('from').notNull(),
    to: json<MailAddress[]>('to').notNull().default([]),
    cc: json<MailAddress[]>('cc').notNull().default([]),
    /** Reply-To of an incoming message: shown, and the contact's address when the centre's rule says so. */
    replyTo: json<MailAddress[]>('reply_to').notNull().default([]),
    bcc: json<MailAddress[]>('bcc').notNull().default([]),
    subject: text('subject').notNull().default(''),
    text: text('text'),
    html: text('html'),
    date: instant('date').notNull(),
    /** Where an incoming message came from: with the UID, sync never stores it twice. */
    mailboxId: integer('mailbox_id').references(() => mailboxes.id, { onDelete: 'set null' }),
    folder: text('folder'),
    uidValidity: integer('uidvalidity'),
    uid: integer('uid'),
    /** Why an incoming message joined this case (`in_reply_to`, `references`, `subject_reference`…). */
    attachReason: text('attach_reason'),
    autoSubmitted: flag('auto_submitted').notNull().default(false),
    rawSize: integer('raw_size'),
    /** The raw source on disk, for the "source" view of the thread. */
    rawPath: text('raw_path'),
    /**
     * SHA-256 of an incoming message's raw source: with its place on the server, the only thing that
     * makes two fetches the same message (a Message-ID is only what the sender claims).
     */
    rawSha256: text('raw_sha256'),
    /** An earlier message that carried the same Message-ID: this one was filed anyway, and says so. */
    messageIdSeenOnId: integer('message_id_seen_on_id').references((): AnySQLiteColumn => messages.id, { onDelete: 'set null' }),
    /** The agent who wrote an outgoing message. */
    authorId: integer('author_id').references(() => agents.id),
    /** The outbox row that sends an outgoing message: its status is the message's delivery status. */
    outboxId: integer('outbox_id').references((): AnySQLiteColumn => outbox.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('messages_case_idx').on(t.caseId, t.date),
    index('messages_message_id_idx').on(t.messageIdHeader),
    uniqueIndex('messages_mailbox_uid').on(t.mailboxId, t.folder, t.uidValidity, t.uid),
    index('messages_mailbox_source_idx').on(t.mailboxId, t.rawSha256),
  ],
);

/** A file of a case: from a mail, or joined to the request or the response by an agent. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: id(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    messageId: integer('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: attachmentKinds }).notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    /** Sanitised file name, safe to show and to offer on save (never used as a path). */
    displayName: text('display_name').notNull(),
    /** Relative to the data folder; content-addressed, so identical files are stored once. */
    storagePath: text('storage_path').notNull(),
    /** Inline images: the `cid:` the HTML refers to. */
    contentId: text('content_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('attachments_case_idx').on(t.caseId),
    index('attachments_message_idx').on(t.messageId),
    index('attachments_sha256_idx').on(t.sha256),
  ],
);

/**
 * The durable outbox: written in the action's transaction, sent later with retries. The stable
 * `message_id_header` is what makes "sent at most once" checkable against the Sent folder.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    mailboxId: integer('mailbox_id')
      .notNull()
      .references(() => mailboxes.id),
    /** Who to tell if it finally fails; null for automatic messages. */
    agentId: integer('agent_id').references(() => agents.id),
    kind: text('kind', { enum: outboxKinds }).notNull(),
    messageIdHeader: text('message_id_header').notNull().unique(),
    status: text('status', { enum: outboxStatuses }).notNull().default('queued'),
    payload: json<OutgoingMail>('payload').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_case_idx').on(t.caseId)],
);

/** How far each mailbox folder was synced. MODSEQ is 63-bit: text, since JS numbers stop at 2^53. */
export const mailCheckpoints = sqliteTable(
  'mail_checkpoints',
  {
    mailboxId: integer('mailbox_id')
      .notNull()
      .references(() => mailboxes.id, { onDelete: 'cascade' }),
    folder: text('folder').notNull(),
    uidValidity: integer('uidvalidity').notNull(),
    lastUid: integer('last_uid').notNull().default(0),
    highestModseq: text('highest_modseq'),
    syncedAt: instant('synced_at'),
  },
  (t) => [primaryKey({ columns: [t.mailboxId, t.folder] })],
);

/** Messages that could not be parsed or filed: kept visible with their raw source, never dropped. */
export const quarantine = sqliteTable(
  'quarantine',
  {
    id: id(),
    mailboxId: integer('mailbox_id')
      .notNull()
      .references(() => mailboxes.id, { onDelete: 'cascade' }),
    folder: text('folder').notNull(),
    uidValidity: integer('uidvalidity').notNull(),
    uid: integer('uid').notNull(),
    reason: text('reason').notNull(),
    rawPath: text('raw_path').notNull(),
    receivedAt: instant('received_at').notNull(),
    resolvedAt: instant('resolved_at'),
  },
  (t) => [uniqueIndex('quarantine_mailbox_uid').on(t.mailboxId, t.folder, t.uidValidity, t.uid)],
);
