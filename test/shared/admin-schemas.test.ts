import { describe, expect, it } from 'vitest';
import { agentCreateSchema } from '../../shared/domain/admin/agent-account-schema';
import { countryCodes } from '../../shared/domain/admin/country-codes';
import { formCreateSchema, formMessages } from '../../shared/domain/admin/form-schema';
import { queueInputSchema, queueMessages, type QueueInput } from '../../shared/domain/admin/queue-schema';
import { routingMessages, routingRuleCreateSchema } from '../../shared/domain/admin/routing-rule-schema';
import { settingsMessages, settingsSchema } from '../../shared/domain/admin/settings-schema';
import { templateCreateSchema, unknownPlaceholders } from '../../shared/domain/template';
import { issuesOf } from './field-issues';

const queue: QueueInput = { name: 'Litiges', media: 'email', distribution: 'pull' };

describe('queue schema', () => {
  it('fills the defaults of a minimal queue', () => {
    expect(queueInputSchema.parse(queue)).toEqual({
      ...queue,
      mailboxId: null,
      memberIds: [],
      acknowledgementText: null,
      waitingMessageText: null,
      waitingDelayHours: null,
      allowedActions: null,
      active: true,
    });
  });

  it('pairs the waiting message with its delay, each way', () => {
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, waitingDelayHours: 24 }))).toEqual([
      ['waitingMessageText', queueMessages.delayWithoutMessage],
    ]);
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, waitingMessageText: 'Patience' }))).toEqual([
      ['waitingDelayHours', queueMessages.messageWithoutDelay],
    ]);
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, waitingMessageText: '   ', waitingDelayHours: null }))).toEqual([]);
  });

  it('refuses "Répondre sans clore" in a push queue, a repeated action and a repeated member', () => {
    const push = { ...queue, distribution: 'push', allowedActions: ['take', 'reply_keep_open'] } as const;
    expect(issuesOf(queueInputSchema.safeParse(push))).toEqual([['allowedActions', queueMessages.keepOpenNeedsPull]]);
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, allowedActions: ['close', 'close'] }))).toEqual([
      ['allowedActions', queueMessages.duplicateAction],
    ]);
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, memberIds: [1, 1] }))).toEqual([
      ['memberIds', queueMessages.duplicateMember],
    ]);
  });

  it('lets a letter or phone queue choose the mailbox its e-mailed replies leave from', () => {
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, media: 'letter', mailboxId: 1 }))).toEqual([]);
    expect(issuesOf(queueInputSchema.safeParse({ ...queue, media: 'phone', mailboxId: 1 }))).toEqual([]);
  });
});

describe('settings schema', () => {
  const valid = { defaultCountry: 'fr', acknowledgementDailyLimit: 3, localModelUrl: null, defaultSendingMailboxId: null };

  it('reads a country code in upper case and refuses codes ISO 3166 does not assign', () => {
    expect(settingsSchema.parse(valid).defaultCountry).toBe('FR');
    expect(issuesOf(settingsSchema.safeParse({ ...valid, defaultCountry: 'ZZ' }))).toEqual([
      ['defaultCountry', settingsMessages.country],
    ]);
    expect(issuesOf(settingsSchema.safeParse({ ...valid, defaultCountry: 'France' }))).toEqual([
      ['defaultCountry', settingsMessages.country],
    ]);
    expect(countryCodes.size).toBe(249);
  });

  it('accepts a language-model endpoint on this machine only', () => {
    expect(settingsSchema.parse({ ...valid, localModelUrl: 'http://127.0.0.1:11434/api' }).localModelUrl).toBe(
      'http://127.0.0.1:11434/api',
    );
    for (const url of ['https://api.example.com/v1', 'http://localhost.example.com/', 'file:///etc/passwd']) {
      expect(issuesOf(settingsSchema.safeParse({ ...valid, localModelUrl: url }))).toEqual([
        ['localModelUrl', settingsMessages.localModelUrl],
      ]);
    }
  });
});

describe('agent account schema', () => {
  it('lower-cases the login and wants a password of 8 characters at least', () => {
    const base = { login: ' Paul.Dumas ', displayName: 'Paul Dumas', role: 'agent', password: 'longenough' } as const;
    expect(agentCreateSchema.parse(base)).toMatchObject({ login: 'paul.dumas', grants: [], signatureHtml: '', active: true });
    expect(issuesOf(agentCreateSchema.safeParse({ ...base, password: 'court' }))).toEqual([
      ['password', 'Le mot de passe doit compter au moins 8 caractères.'],
    ]);
    expect(issuesOf(agentCreateSchema.safeParse({ ...base, login: 'paul dumas' }))[0]?.[0]).toBe('login');
  });
});

describe('form schema', () => {
  it('names the field in error by its index', () => {
    const fields = [
      { key: 'contractType', label: 'Type de contrat', type: 'select' },
      { key: 'contractType', label: 'Autre', type: 'text', options: ['x'] },
    ];
    expect(issuesOf(formCreateSchema.safeParse({ name: 'Sinistre', media: 'letter', fields }))).toEqual([
      ['fields.0.options', formMessages.optionsRequired],
      ['fields.1.options', formMessages.optionsUnused],
      ['fields.1.key', formMessages.keyTwice],
    ]);
  });
});

describe('routing rule schema', () => {
  it('wants a condition and a result', () => {
    const rule = { name: 'Urgent', conditions: { conditions: [{ field: 'subject', operator: 'contains', value: 'urgent' }] } };
    expect(issuesOf(routingRuleCreateSchema.safeParse(rule))).toEqual([['queueId', routingMessages.resultRequired]]);
    expect(routingRuleCreateSchema.parse({ ...rule, priority: 5 }).conditions.match).toBe('all');
    expect(issuesOf(routingRuleCreateSchema.safeParse({ ...rule, priority: 5, conditions: { conditions: [] } }))).toEqual([
      ['conditions.conditions', routingMessages.conditionRequired],
    ]);
  });
});

describe('template schema', () => {
  it('refuses placeholders the product does not fill, naming them', () => {
    expect(unknownPlaceholders('{{contact.lastName}} {{ contact.email }} {{contact.email}} {{x}}')).toEqual([
      'contact.email',
      'x',
    ]);
    const issues = issuesOf(templateCreateSchema.safeParse({ themeId: 1, title: 'T', bodyHtml: '<p>{{contact.email}}</p>' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.[0]).toBe('bodyHtml');
    expect(issues[0]?.[1]).toMatch(/^Variable inconnue : \{\{contact\.email\}\}\. Variables possibles : \{\{contact\.civility\}\}/);
  });
});
