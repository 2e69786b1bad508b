import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { agentCreateSchema } from '../../shared/domain/admin/agent-account-schema';
import { formCreateSchema } from '../../shared/domain/admin/form-schema';
import { qualificationCreateSchema } from '../../shared/domain/admin/qualification-schema';
import { queueInputSchema } from '../../shared/domain/admin/queue-schema';
import { routingRuleCreateSchema } from '../../shared/domain/admin/routing-rule-schema';
import { settingsSchema } from '../../shared/domain/admin/settings-schema';
import { addressBookEntrySchema } from '../../shared/domain/address-book-schema';
import { caseCreationSchema, creationActions, type CreationCatalogue } from '../../shared/domain/case-creation-schema';
import { contactSchema } from '../../shared/domain/contact-schema';
import { mailboxCreateSchema } from '../../shared/domain/mailbox';
import { replyInputSchema } from '../../shared/domain/reply';
import { templateCreateSchema, themeCreateSchema } from '../../shared/domain/template';
import { controlCharacterMessage, multiLineText, singleLineText, toSingleLine } from '../../shared/domain/text-rules';
import { issuesOf } from './field-issues';

/** The settings every save carries, beside the one under test. */
const settingsRequired = { defaultCountry: 'FR', acknowledgementDailyLimit: 3, defaultSendingMailboxId: null, sessionIdleMinutes: 480 };

/** Robustness (issue 11, point 7): a name is one line of visible text, whatever the form. */

const message = controlCharacterMessage;

/** Characters that break a line, hide text or reorder it: none belongs in a name. */
const hostile = {
  cr: 'Jean\rDupont',
  lf: 'Jean\nDupont',
  crlf: 'Jean\r\nDupont',
  tab: 'Jean\tDupont',
  nul: 'Jean\u0000Dupont',
  escape: 'Jean\u001b[31mDupont',
  del: 'Jean\u007fDupont',
  c1: 'Jean\u0085Dupont',
  rlo: 'Jean\u202eDupont',
  lre: 'Jean\u202aDupont',
  isolate: 'Jean\u2066Dupont\u2069',
  lineSeparator: 'Jean\u2028Dupont',
};

describe('singleLineText and multiLineText', () => {
  it('say why in French', () => {
    expect(message).toBe('Ce champ ne peut pas contenir de caractères de contrôle.');
  });

  it.each(Object.entries(hostile))('refuses %s on one line', (_, value) => {
    expect(issuesOf(singleLineText(200).safeParse(value))).toEqual([['', message]]);
  });

  it('accepts accents, apostrophes, dashes and right-to-left letters, trimmed', () => {
    for (const value of ['Lemaître', 'N’Diaye-Koné', 'Œuvre d’Orient', 'محمد', '  Dupont ']) {
      expect(singleLineText(200).safeParse(value).success, value).toBe(true);
    }
    expect(singleLineText(200).parse('  Dupont \n')).toBe('Dupont');
  });

  it('keeps line feeds and tabs in multi-line text, and nothing else', () => {
    expect(multiLineText(5000).parse('Bonjour,\n\tligne deux\n')).toBe('Bonjour,\n\tligne deux');
    for (const value of [hostile.cr, hostile.crlf, hostile.nul, hostile.escape, hostile.c1, hostile.rlo, hostile.isolate]) {
      expect(issuesOf(multiLineText(5000).safeParse(value)), JSON.stringify(value)).toEqual([['', message]]);
    }
  });
});

describe('toSingleLine', () => {
  it('puts a stored value on one line: breaks and controls become one space, bidi controls go', () => {
    expect(Object.values(hostile).map(toSingleLine)).toEqual([
      'Jean Dupont', 'Jean Dupont', 'Jean Dupont', 'Jean Dupont', 'Jean Dupont', 'Jean [31mDupont', 'Jean Dupont', 'Jean Dupont', 'JeanDupont', 'JeanDupont', 'JeanDupont', 'Jean Dupont',
    ]);
    expect(toSingleLine(' Lemaître \r\n Conseil ')).toBe('Lemaître Conseil');
    expect(toSingleLine('Jean  Dupont')).toBe('Jean  Dupont');
  });
});

/** Every name-like field of a schema family, each given `Jean\rDupont` in an otherwise valid input. */
interface Family {
  schema: z.ZodType;
  valid: Record<string, unknown>;
  fields: Array<{ path: string; set: (value: string) => Record<string, unknown> }>;
}

const at =
  (valid: Record<string, unknown>, key: string) =>
  (value: string): Record<string, unknown> => ({ ...valid, [key]: value });

const today = new Date(2024, 5, 15);
const contact = { lastName: 'Dupont', firstName: 'Jeanne' };
const contactFields = ['lastName', 'firstName', 'company', 'street', 'lieuDit', 'residence', 'building', 'postalCode', 'city', 'contactIdentifier', 'contractNumber', 'subscriberReference', 'orderNumber'];
const catalogue: CreationCatalogue = {
  forms: [{ id: 1, media: 'email', fields: [{ key: 'policy', label: 'N° de police', type: 'text', required: false, options: null }] }],
  queues: [{ id: 10, media: 'email', actions: [...creationActions] }],
};
const creation = { formId: 1, queueId: 10, contact: { ...contact, email: 'j@x.fr' }, subject: 'Facture', question: '<p>Pourquoi ?</p>', action: 'assign_to_me' };
const endpoint = { host: 'imap.example.com', port: 993, tls: 'implicit', user: 'service' };
const mailbox = { name: 'Service', address: 's@x.fr', senderName: 'Centre', queueId: 1, imap: endpoint, smtp: { ...endpoint, port: 465 }, password: 'secret' };
const agent = { login: 'paul', displayName: 'Paul Dumas', role: 'agent', password: 'longenough' };
const form = { name: 'Sinistre', media: 'letter', fields: [{ key: 'channel', label: 'Canal', type: 'select', options: ['Agence'] }] };
const rule = { name: 'Urgent', priority: 5, conditions: { conditions: [{ field: 'subject', operator: 'contains', value: 'urgent' }] } };

const families: Record<string, Family> = {
  contact: {
    schema: contactSchema({ today }),
    valid: contact,
    fields: contactFields.map((key) => ({ path: key, set: at(contact, key) })),
  },
  'address book': {
    schema: addressBookEntrySchema,
    valid: { lastName: 'Roche', email: 'r@x.fr' },
    fields: ['lastName', 'firstName', 'organisation'].map((key) => ({ path: key, set: at({ lastName: 'Roche', email: 'r@x.fr' }, key) })),
  },
  'case creation': {
    schema: caseCreationSchema({ today, catalogue }),
    valid: creation,
    fields: [
      { path: 'subject', set: at(creation, 'subject') },
      { path: 'contact.company', set: (value) => ({ ...creation, contact: { ...creation.contact, company: value } }) },
      { path: 'fields.policy', set: (value) => ({ ...creation, fields: { policy: value } }) },
    ],
  },
  reply: {
    schema: replyInputSchema,
    valid: { to: { name: 'Jeanne', address: 'j@x.fr' } },
    fields: [{ path: 'to.name', set: (value) => ({ to: { name: value, address: 'j@x.fr' } }) }],
  },
  'agent account': { schema: agentCreateSchema, valid: agent, fields: [{ path: 'displayName', set: at(agent, 'displayName') }] },
  queue: {
    schema: queueInputSchema,
    valid: { name: 'Litiges', media: 'email', distribution: 'pull' },
    fields: [{ path: 'name', set: at({ name: 'Litiges', media: 'email', distribution: 'pull' }, 'name') }],
  },
  form: {
    schema: formCreateSchema,
    valid: form,
    fields: [
      { path: 'name', set: at(form, 'name') },
      { path: 'fields.0.label', set: (value) => ({ ...form, fields: [{ ...form.fields[0], label: value }] }) },
      { path: 'fields.0.options.0', set: (value) => ({ ...form, fields: [{ ...form.fields[0], options: [value] }] }) },
    ],
  },
  qualification: { schema: qualificationCreateSchema, valid: { label: 'Retard' }, fields: [{ path: 'label', set: (label) => ({ label }) }] },
  template: {
    schema: templateCreateSchema,
    valid: { themeId: 1, title: 'Relance', bodyHtml: '<p>Bonjour</p>' },
    fields: [{ path: 'title', set: (title) => ({ themeId: 1, title, bodyHtml: '<p>Bonjour</p>' }) }],
  },
  theme: { schema: themeCreateSchema, valid: { name: 'Factures' }, fields: [{ path: 'name', set: (name) => ({ name }) }] },
  'routing rule': {
    schema: routingRuleCreateSchema,
    valid: rule,
    fields: [
      { path: 'name', set: at(rule, 'name') },
      { path: 'conditions.conditions.0.value', set: (value) => ({ ...rule, conditions: { conditions: [{ ...rule.conditions.conditions[0], value }] } }) },
    ],
  },
  mailbox: {
    schema: mailboxCreateSchema,
    valid: mailbox,
    fields: [
      { path: 'name', set: at(mailbox, 'name') },
      { path: 'senderName', set: at(mailbox, 'senderName') },
      { path: 'inboxFolder', set: at(mailbox, 'inboxFolder') },
      { path: 'sentFolder', set: at(mailbox, 'sentFolder') },
      { path: 'imap.user', set: (user) => ({ ...mailbox, imap: { ...endpoint, user } }) },
    ],
  },
  settings: {
    schema: settingsSchema,
    valid: { ...settingsRequired, localModelUrl: 'http://127.0.0.1:11434/api' },
    fields: [{ path: 'localModelUrl', set: (url) => ({ ...settingsRequired, localModelUrl: url.replace('Jean', 'http://127.0.0.1:11434/').replace('Dupont', 'api') }) }],
  },
};

describe.each(Object.entries(families))('the %s schema', (_, family) => {
  it('accepts the valid input', () => {
    expect(issuesOf(family.schema.safeParse(family.valid))).toEqual([]);
  });

  it.each(family.fields.map((field) => [field.path, field] as const))('refuses control characters in %s', (path, field) => {
    for (const value of [hostile.cr, hostile.crlf, hostile.nul, hostile.c1, hostile.rlo, hostile.isolate]) {
      expect(issuesOf(family.schema.safeParse(field.set(value))), JSON.stringify(value)).toContainEqual([path, message]);
    }
  });
});

describe('multi-line fields', () => {
  it('keep their line feeds but refuse a raw CR or another control character', () => {
    const schema = contactSchema({ today });
    expect(schema.parse({ ...contact, comment: 'Rappeler\nle matin' }).comment).toBe('Rappeler\nle matin');
    expect(issuesOf(schema.safeParse({ ...contact, comment: 'Rappeler\rle matin' }))).toEqual([['comment', message]]);
    const creationSchema = caseCreationSchema({ today, catalogue });
    expect(creationSchema.parse({ ...creation, notepad: 'Ligne 1\nLigne 2' }).notepad).toBe('Ligne 1\nLigne 2');
    expect(issuesOf(creationSchema.safeParse({ ...creation, notepad: 'Ligne 1\u0000' }))).toEqual([['notepad', message]]);
    const queue = { name: 'Litiges', media: 'email', distribution: 'pull' };
    expect(queueInputSchema.parse({ ...queue, acknowledgementText: 'Bonjour,\nmerci.' }).acknowledgementText).toBe('Bonjour,\nmerci.');
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, acknowledgementText: 'Bonjour\u202e' }))).toEqual([['acknowledgementText', message]]);
  });
});
