import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../shared/contract';
import { apiOf } from '../../support/connection-api';
import { z } from 'zod';
import { callDef, callNames, type AppError, type CallName } from '../../../shared/contract';
import type { Connection } from '../../../electron/core/create-core';
import { caseBySubject, contactEmail, dumpDatabase, ok, refusal, startDemoCore, type CaseCore } from './cases/case-fixture';

/**
 * Issue 11, point 2: every call that names a case (or a message or file of one) checks the case's
 * scope through one helper, and refuses the same way whether the case is out of reach or does not
 * exist: `not_found`, so that a refusal never confirms that a case exists nor gives its number.
 */

/** The input keys by which a call names a case, directly or through one of its parts. */
const caseKeys = ['caseId', 'caseIds', 'masterId', 'messageId', 'attachmentId'];

/** Inputs judged by the core rather than by one object schema; none of them names a case. */
const judgedByCore: CallName[] = ['contacts.create', 'contacts.update', 'creation.submit'];

function namesACase(name: CallName): boolean {
  const input = callDef(name).input;
  if (!(input instanceof z.ZodObject)) {
    if (!judgedByCore.includes(name)) throw new Error(`${name}: say here whether its input names a case`);
    return false;
  }
  return Object.keys(input.shape).some((key) => caseKeys.includes(key));
}

interface Ids {
  foreign: number;
  version: number;
  own: number;
  messageId: number;
  attachmentId: number;
  email: string;
}

/** Camille's input for each call, aimed at Lucas's case in a queue she is not in. */
const outOfScope: Partial<Record<CallName, (ids: Ids) => Record<string, unknown>>> = {
  'cases.get': (c) => ({ caseId: c.foreign }),
  'cases.act': (c) => ({ caseId: c.foreign, version: c.version, action: 'close' }),
  'cases.addNote': (c) => ({ caseId: c.foreign, text: 'Curieuse.' }),
  'cases.setQualification': (c) => ({ caseId: c.foreign, version: c.version, qualificationId: null }),
  'cases.merge': (c) => ({ masterId: c.own, caseIds: [c.foreign] }),
  'cases.unmerge': (c) => ({ masterId: c.foreign, caseId: c.own }),
  'cases.messageSource': (c) => ({ messageId: c.messageId }),
  'attachments.download': (c) => ({ attachmentId: c.attachmentId }),
  'attachments.open': (c) => ({ attachmentId: c.attachmentId, confirmedDangerous: true }),
  'templates.render': (c) => ({ templateId: 1, caseId: c.foreign }),
  'templates.suggest': (c) => ({ caseId: c.foreign }),
  'replies.preview': (c) => ({ caseId: c.foreign, reply: { to: { address: c.email }, html: '<p>Bonjour</p>' } }),
  'replies.draftImages': (c) => ({ caseId: c.foreign }),
};

/** Merging is a supervisor's right: Camille is refused for her role before any case is looked at. */
const refusedForTheRole: CallName[] = ['cases.merge', 'cases.unmerge'];

let t: CaseCore;
let camille: Connection;
let ids: Ids;
const opened: string[] = [];

beforeAll(async () => {
  t = startDemoCore({ opener: { open: async (file) => void opened.push(file) } });
  camille = await t.as('camille');
  const lucas = await t.as('lucas');
  // Lucas files a case with a file in Réclamations, a queue Camille is not in, and keeps it.
  const file = await uploadFile(apiOf(lucas), bytesSource('constat.pdf', 'application/pdf', Buffer.from('%PDF-')));
  const options = await ok(lucas, 'creation.options', {});
  const created = await ok(lucas, 'creation.submit', {
    formId: options.forms.find((form) => form.media === 'email' && form.standard)?.id,
    queueId: options.queues.find((queue) => queue.name === 'Réclamations')?.id,
    contact: { lastName: 'Vincent', firstName: 'Agnès', email: 'agnes.vincent@example.org' },
    subject: 'Constat de dégât des eaux',
    question: '<p>Voici le constat.</p>',
    requestAttachments: [file],
    action: 'assign_to_me',
  });
  const detail = await ok(lucas, 'cases.get', { caseId: created.caseId });
  const message = detail.messages.find((m) => m.attachments.length > 0);
  ids = {
    foreign: created.caseId,
    version: created.version,
    own: caseBySubject(t.core, 'Demande de duplicata').id,
    messageId: message?.id ?? 0,
    attachmentId: message?.attachments[0]?.id ?? 0,
    email: contactEmail(t.core, created.caseId),
  };
});
afterAll(() => t.dispose());

describe('one scope check for every call that names a case', () => {
  it('lists every such call of the contract', () => {
    expect(callNames.filter(namesACase).sort()).toEqual(Object.keys(outOfScope).sort());
  });

  it.each(Object.keys(outOfScope) as CallName[])('%s: Camille is refused on a case out of her reach, nothing changes', async (name) => {
    const input = (outOfScope[name] as (ids: Ids) => Record<string, unknown>)(ids);
    const before = dumpDatabase(t.core);
    const error = await refusal(camille, name, input);
    expect(dumpDatabase(t.core)).toEqual(before);
    expect(opened).toEqual([]);
    if (refusedForTheRole.includes(name)) {
      expect(error.code).toBe('forbidden');
      return;
    }
    expect(error.code).toBe('not_found');
    expect(JSON.stringify(error)).not.toMatch(/Vincent|Agnès|Constat/);
    expect(error.message).not.toContain(caseNumber());
    expect(error).toEqual(await missingCase(name, input));
  });

  it('Lucas, whose case it is, gets through each of them', async () => {
    const lucas = await t.as('lucas');
    const rendered = await ok(lucas, 'templates.render', { templateId: 1, caseId: ids.foreign });
    expect(rendered.html).toContain('Vincent');
    expect(await ok(lucas, 'replies.draftImages', { caseId: ids.foreign })).toEqual([]);
    expect((await ok(lucas, 'attachments.download', { attachmentId: ids.attachmentId })).fileName).toBe('constat.pdf');
  });
});

function caseNumber(): string {
  return (t.core.db.sqlite.prepare('SELECT number FROM cases WHERE id = ?').get(ids.foreign) as { number: string }).number;
}

/** The same call on a case, message or file that does not exist: the refusal must read the same. */
async function missingCase(name: CallName, input: Record<string, unknown>): Promise<AppError> {
  const absent = 999_999;
  const swapped = Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, caseKeys.includes(key) ? absent : value]),
  );
  return refusal(camille, name, swapped);
}
