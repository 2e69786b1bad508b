import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobStore } from '../../../../electron/core/storage/blob-store';
import { caseBySubject, ok, people, refusal, startDemoCore, type CaseCore } from './case-fixture';

/** PRODUCT.md "Consulting a case and a contact": the thread as the case screen reads it, including merged cases and the source. */

let t: CaseCore;
beforeEach(() => {
  t = startDemoCore();
});
afterEach(() => t.dispose());

const subjects = (detail: { messages: { subject: string; mergedFrom: { number: string } | null }[] }) =>
  detail.messages.map((message) => [message.subject, message.mergedFrom?.number ?? null]);

describe('the thread of a case', () => {
  it('holds the messages of the cases merged into it, each naming its case, until the merge is undone', async () => {
    const master = caseBySubject(t.core, 'Demande de duplicata');
    const other = caseBySubject(t.core, 'Retard de livraison');
    const sophie = await t.as('sophie');
    const own = await ok(sophie, 'cases.get', { caseId: master.id });
    const theirs = await ok(sophie, 'cases.get', { caseId: other.id });
    expect(own.messages.every((message) => message.mergedFrom === null)).toBe(true);

    const merged = await ok(sophie, 'cases.merge', { masterId: master.id, caseIds: [other.id] });
    expect(merged.messages).toHaveLength(own.messages.length + theirs.messages.length);
    expect(subjects(merged)).toEqual(
      expect.arrayContaining([...subjects(own), ...theirs.messages.map((message) => [message.subject, other.number])]),
    );
    const dates = merged.messages.map((message) => message.date);
    expect(dates).toEqual([...dates].sort());

    const undone = await ok(sophie, 'cases.unmerge', { masterId: master.id, caseId: other.id });
    expect(subjects(undone)).toEqual(subjects(own));
  });

  it('tells the reader what they may do, as the core sees their rights now', async () => {
    const row = caseBySubject(t.core, 'Demande de duplicata');
    expect((await ok(await t.as('camille'), 'cases.get', { caseId: row.id })).viewerRights).toEqual(['handle_cases']);
    expect((await ok(await t.as('sophie'), 'cases.get', { caseId: row.id })).viewerRights).toEqual([
      'handle_cases', 'change_recipient', 'view_all_desks', 'validate_replies', 'reassign', 'merge_cases', 'manage_quarantine',
    ]);
    // An administrator's grant applies at once, without signing in again.
    t.core.db.sqlite.prepare('UPDATE agents SET may_change_recipient = 1 WHERE id = ?').run(people.camille);
    expect((await ok(await t.as('camille'), 'cases.get', { caseId: row.id })).viewerRights).toEqual(['handle_cases', 'change_recipient']);
  });
});

describe('cases.messageSource', () => {
  it('gives the raw message to whoever may read its case', async () => {
    const row = caseBySubject(t.core, 'Retard de livraison');
    const raw = 'From: client@example.fr\r\nSubject: Retard\r\n\r\nBonjour\r\n';
    const stored = await createBlobStore(t.dataDir).put(Buffer.from(raw));
    const message = t.core.db.sqlite.prepare('SELECT id FROM messages WHERE case_id = ? ORDER BY id LIMIT 1').get(row.id) as { id: number };
    t.core.db.sqlite.prepare('UPDATE messages SET raw_path = ? WHERE id = ?').run(stored.storagePath, message.id);

    const lucas = await t.as('lucas');
    expect(await ok(lucas, 'cases.messageSource', { messageId: message.id })).toEqual({ source: raw, truncated: false });
    expect((await ok(lucas, 'cases.get', { caseId: row.id })).messages.find((m) => m.id === message.id)?.hasSource).toBe(true);
    expect(await refusal(await t.as('camille'), 'cases.messageSource', { messageId: message.id })).toMatchObject({ code: 'not_found' });
  });

  it('says so when the message has no source (written by an agent)', async () => {
    const row = caseBySubject(t.core, 'Retard de livraison');
    const message = t.core.db.sqlite.prepare('SELECT id FROM messages WHERE case_id = ? AND raw_path IS NULL LIMIT 1').get(row.id) as { id: number };
    expect(await refusal(await t.as('lucas'), 'cases.messageSource', { messageId: message.id })).toEqual({
      code: 'not_found',
      message: 'La source de ce message n’est pas conservée.',
    });
  });
});
