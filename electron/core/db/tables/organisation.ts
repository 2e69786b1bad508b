import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { roles } from '../../../../shared/domain/agent';
import { distributionModes, medias } from '../../../../shared/domain/case-state';
import { flag, id, instant, json } from './columns';
import type { CaseAction } from './json-types';

/** System settings as key/value text: `default_country` ('FR'), `demo` ('true'), … */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const agents = sqliteTable('agents', {
  id: id(),
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  email: text('email'),
  /** PRODUCT.md "Replying": only agents with this right may change the To of a reply. */
  mayChangeRecipient: flag('may_change_recipient').notNull().default(false),
  signatureHtml: text('signature_html').notNull().default(''),
  /** `scrypt$N$r$p$salt$hash` (see passwords.ts): the parameters travel with the hash. */
  passwordHash: text('password_hash').notNull(),
  active: flag('active').notNull().default(true),
  createdAt: instant('created_at').notNull(),
});

export const queues = sqliteTable('queues', {
  id: id(),
  name: text('name').notNull().unique(),
  media: text('media', { enum: medias }).notNull(),
  distribution: text('distribution', { enum: distributionModes }).notNull(),
  /** The mailbox replies of this queue are sent from; null for letter and phone queues. */
  mailboxId: integer('mailbox_id').references((): AnySQLiteColumn => mailboxes.id, { onDelete: 'set null' }),
  /** Actions the administrator allows in this queue; null means every action of PRODUCT.md. */
  allowedActions: json<CaseAction[]>('allowed_actions'),
  acknowledgementText: text('acknowledgement_text'),
  waitingMessageText: text('waiting_message_text'),
  /** Delay announced to the contact; past it, the waiting message is sent (null: never). */
  waitingDelayHours: integer('waiting_delay_hours'),
  active: flag('active').notNull().default(true),
});

export const queueMembers = sqliteTable(
  'queue_members',
  {
    queueId: integer('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId] }), index('queue_members_agent_idx').on(t.agentId)],
);

export const tlsModes = ['implicit', 'starttls', 'none'] as const;
export type TlsMode = (typeof tlsModes)[number];

export const mailboxes = sqliteTable('mailboxes', {
  id: id(),
  name: text('name').notNull(),
  address: text('address').notNull().unique(),
  senderName: text('sender_name').notNull(),
  imapHost: text('imap_host').notNull(),
  imapPort: integer('imap_port').notNull(),
  imapTls: text('imap_tls', { enum: tlsModes }).notNull(),
  imapUser: text('imap_user').notNull(),
  smtpHost: text('smtp_host').notNull(),
  smtpPort: integer('smtp_port').notNull(),
  smtpTls: text('smtp_tls', { enum: tlsModes }).notNull(),
  smtpUser: text('smtp_user').notNull(),
  /** Key of the password in the SecretStore: the password itself never reaches the database. */
  secretKey: text('secret_key').notNull(),
  /** Where a message that matches no routing rule and no case lands. */
  queueId: integer('queue_id')
    .notNull()
    .references((): AnySQLiteColumn => queues.id),
  inboxFolder: text('inbox_folder').notNull().default('INBOX'),
  /** Replies are appended here, and this folder is never fetched (PRODUCT.md "Incoming messages"). */
  sentFolder: text('sent_folder').notNull().default('Sent'),
  active: flag('active').notNull().default(true),
});
