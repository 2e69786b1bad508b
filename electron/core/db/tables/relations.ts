import { relations } from 'drizzle-orm';
import { caseFields, cases, drafts, history, notepadEntries } from './cases';
import { formFields, forms, qualifications, routingRules, templateThemes, templates } from './catalogue';
import { addressBookEntries, contacts } from './contacts';
import { attachments, mailCheckpoints, messages, outbox, quarantine } from './mail';
import { agents, mailboxes, queueMembers, queues } from './organisation';

/**
 * Relations for drizzle's relational queries (`orm.query.cases.findFirst({ with: … })`). They add
 * nothing to the SQL schema; names are needed where two tables are joined in more than one way.
 */

export const agentsRelations = relations(agents, ({ many }) => ({
  memberships: many(queueMembers),
  assignedCases: many(cases, { relationName: 'assignee' }),
}));

export const queuesRelations = relations(queues, ({ one, many }) => ({
  mailbox: one(mailboxes, { fields: [queues.mailboxId], references: [mailboxes.id], relationName: 'reply_mailbox' }),
  members: many(queueMembers),
  cases: many(cases),
}));

export const queueMembersRelations = relations(queueMembers, ({ one }) => ({
  queue: one(queues, { fields: [queueMembers.queueId], references: [queues.id] }),
  agent: one(agents, { fields: [queueMembers.agentId], references: [agents.id] }),
}));

export const mailboxesRelations = relations(mailboxes, ({ one }) => ({
  queue: one(queues, { fields: [mailboxes.queueId], references: [queues.id], relationName: 'default_queue' }),
}));

export const formsRelations = relations(forms, ({ many }) => ({ fields: many(formFields) }));

export const formFieldsRelations = relations(formFields, ({ one }) => ({
  form: one(forms, { fields: [formFields.formId], references: [forms.id] }),
}));

export const qualificationsRelations = relations(qualifications, ({ one, many }) => ({
  parent: one(qualifications, {
    fields: [qualifications.parentId],
    references: [qualifications.id],
    relationName: 'qualification_tree',
  }),
  children: many(qualifications, { relationName: 'qualification_tree' }),
}));

export const templateThemesRelations = relations(templateThemes, ({ one, many }) => ({
  parent: one(templateThemes, {
    fields: [templateThemes.parentId],
    references: [templateThemes.id],
    relationName: 'theme_tree',
  }),
  children: many(templateThemes, { relationName: 'theme_tree' }),
  templates: many(templates),
}));

export const templatesRelations = relations(templates, ({ one }) => ({
  theme: one(templateThemes, { fields: [templates.themeId], references: [templateThemes.id] }),
}));

export const routingRulesRelations = relations(routingRules, ({ one }) => ({
  queue: one(queues, { fields: [routingRules.queueId], references: [queues.id] }),
  qualification: one(qualifications, { fields: [routingRules.qualificationId], references: [qualifications.id] }),
}));

export const contactsRelations = relations(contacts, ({ many }) => ({
  cases: many(cases),
  addressBookEntries: many(addressBookEntries),
}));

export const addressBookEntriesRelations = relations(addressBookEntries, ({ one }) => ({
  contact: one(contacts, { fields: [addressBookEntries.contactId], references: [contacts.id] }),
}));

export const casesRelations = relations(cases, ({ one, many }) => ({
  queue: one(queues, { fields: [cases.queueId], references: [queues.id] }),
  assignee: one(agents, { fields: [cases.assigneeId], references: [agents.id], relationName: 'assignee' }),
  offeredTo: one(agents, { fields: [cases.offeredToId], references: [agents.id], relationName: 'offered_to' }),
  closedBy: one(agents, { fields: [cases.closedById], references: [agents.id], relationName: 'closed_by' }),
  form: one(forms, { fields: [cases.formId], references: [forms.id] }),
  qualification: one(qualifications, { fields: [cases.qualificationId], references: [qualifications.id] }),
  contact: one(contacts, { fields: [cases.contactId], references: [contacts.id] }),
  mergedInto: one(cases, { fields: [cases.mergedIntoId], references: [cases.id], relationName: 'merge' }),
  mergedCases: many(cases, { relationName: 'merge' }),
  fields: many(caseFields),
  draft: one(drafts),
  notes: many(notepadEntries),
  history: many(history),
  messages: many(messages),
  attachments: many(attachments),
  outbox: many(outbox),
}));

export const caseFieldsRelations = relations(caseFields, ({ one }) => ({
  case: one(cases, { fields: [caseFields.caseId], references: [cases.id] }),
}));

export const draftsRelations = relations(drafts, ({ one }) => ({
  case: one(cases, { fields: [drafts.caseId], references: [cases.id] }),
  savedBy: one(agents, { fields: [drafts.savedById], references: [agents.id] }),
}));

export const notepadEntriesRelations = relations(notepadEntries, ({ one }) => ({
  case: one(cases, { fields: [notepadEntries.caseId], references: [cases.id] }),
  agent: one(agents, { fields: [notepadEntries.agentId], references: [agents.id] }),
}));

export const historyRelations = relations(history, ({ one }) => ({
  case: one(cases, { fields: [history.caseId], references: [cases.id] }),
  agent: one(agents, { fields: [history.agentId], references: [agents.id] }),
}));

export const messagesRelations = relations(messages, ({ one, many }) => ({
  case: one(cases, { fields: [messages.caseId], references: [cases.id] }),
  mailbox: one(mailboxes, { fields: [messages.mailboxId], references: [mailboxes.id] }),
  author: one(agents, { fields: [messages.authorId], references: [agents.id] }),
  outbox: one(outbox, { fields: [messages.outboxId], references: [outbox.id] }),
  attachments: many(attachments),
}));

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  case: one(cases, { fields: [attachments.caseId], references: [cases.id] }),
  message: one(messages, { fields: [attachments.messageId], references: [messages.id] }),
}));

export const outboxRelations = relations(outbox, ({ one }) => ({
  case: one(cases, { fields: [outbox.caseId], references: [cases.id] }),
  mailbox: one(mailboxes, { fields: [outbox.mailboxId], references: [mailboxes.id] }),
  agent: one(agents, { fields: [outbox.agentId], references: [agents.id] }),
}));

export const mailCheckpointsRelations = relations(mailCheckpoints, ({ one }) => ({
  mailbox: one(mailboxes, { fields: [mailCheckpoints.mailboxId], references: [mailboxes.id] }),
}));

export const quarantineRelations = relations(quarantine, ({ one }) => ({
  mailbox: one(mailboxes, { fields: [quarantine.mailboxId], references: [mailboxes.id] }),
}));
