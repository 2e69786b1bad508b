import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { caseStates } from '../../../../shared/domain/case-state';
import { forms, qualifications } from './catalogue';
import { flag, id, instant, json } from './columns';
import { contacts } from './contacts';
import type { HistoryDetail, MailAddress } from './json-types';
import { agents, queues } from './organisation';

export const cases = sqliteTable(
  'cases',
  {
    id: id(),
    /** Shown to people and put in subjects as `[#000123]`: zero-padded, unique. */
    number: text('number').notNull().unique(),
    subject: text('subject').notNull(),
    state: text('state', { enum: caseStates }).notNull(),
    queueId: integer('queue_id')
      .notNull()
      .references(() => queues.id),
    assigneeId: integer('assignee_id').references(() => agents.id),
    /** Push mode: the agent the case is offered to, until taken or the offer lapses. */
    offeredToId: integer('offered_to_id').references(() => agents.id),
    offeredAt: instant('offered_at'),
    formId: integer('form_id')
      .notNull()
      .references(() => forms.id),
    qualificationId: integer('qualification_id').references(() => qualifications.id, { onDelete: 'set null' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    questionHtml: text('question_html').notNull(),
    /** Plain-text copy of the question, written with it: what full-text search and suggestions read. */
    questionText: text('question_text').notNull(),
    priority: integer('priority').notNull().default(0),
    unread: flag('unread').notNull().default(false),
    /** Who closed it last: a message on a closed case reopens it in this agent's En cours. */
    closedById: integer('closed_by_id').references(() => agents.id),
    /** Set while merged into a master case; cleared when the merge is undone. */
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => cases.id),
    /** The queue's waiting message goes at most once per case. */
    waitingNoticeSentAt: instant('waiting_notice_sent_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    receivedAt: instant('received_at').notNull(),
    /** Incremented by every change: an action carries the version it read (optimistic concurrency). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('cases_assignee_state_idx').on(t.assigneeId, t.state),
    index('cases_queue_state_assignee_idx').on(t.queueId, t.state, t.assigneeId),
    index('cases_state_received_idx').on(t.state, t.receivedAt),
    index('cases_received_idx').on(t.receivedAt),
    index('cases_contact_idx').on(t.contactId),
    index('cases_merged_into_idx').on(t.mergedIntoId),
    // Desks count and page only cases that are not merged: partial indexes let SQLite answer
    // both from the index alone instead of visiting every row (bench/desk-queries.ts).
    index('cases_desk_agent_idx').on(t.assigneeId, t.state, t.receivedAt).where(sql`merged_into_id IS NULL`),
    index('cases_desk_queue_idx')
      .on(t.queueId, t.receivedAt)
      .where(sql`assignee_id IS NULL AND state = 'todo' AND merged_into_id IS NULL`),
  ],
);

/** Values of a form's custom fields (standard fields are columns of the case and the contact). */
export const caseFields = sqliteTable(
  'case_fields',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.key] })],
);

/** The case's one draft reply, shared by every colleague; also the reply held for validation. */
export const drafts = sqliteTable('drafts', {
  id: id(),
  caseId: integer('case_id')
    .notNull()
    .unique()
    .references(() => cases.id, { onDelete: 'cascade' }),
  subject: text('subject'),
  html: text('html').notNull(),
  to: json<MailAddress[]>('to').notNull(),
  cc: json<MailAddress[]>('cc').notNull(),
  bcc: json<MailAddress[]>('bcc').notNull(),
  attachmentIds: json<number[]>('attachment_ids').notNull(),
  savedById: integer('saved_by_id')
    .notNull()
    .references(() => agents.id),
  savedAt: instant('saved_at').notNull(),
});

/** Internal notes ("bloc-notes"), never sent. No agent: written by the system (e.g. a merge). */
export const notepadEntries = sqliteTable(
  'notepad_entries',
  {
    id: id(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    agentId: integer('agent_id').references(() => agents.id),
    text: text('text').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('notepad_case_idx').on(t.caseId, t.createdAt)],
);

/**
 * Every action on a case: who, when, from which state to which. `action` is an action code of
 * PRODUCT.md or a system event (`received`, `message_received`, `merged`…); no agent for system events.
 */
export const history = sqliteTable(
  'history',
  {
    id: id(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    agentId: integer('agent_id').references(() => agents.id),
    action: text('action').notNull(),
    stateBefore: text('state_before', { enum: caseStates }),
    stateAfter: text('state_after', { enum: caseStates }).notNull(),
    at: instant('at').notNull(),
    detail: json<HistoryDetail>('detail'),
  },
  (t) => [index('history_case_idx').on(t.caseId, t.at)],
);
