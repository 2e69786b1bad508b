import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agents, attachments, cases, contacts, history, mailCheckpoints, messages, outbox, quarantine } from '../../../../electron/core/db/schema';
import { caseOf, centreAddress, customer, openIngestFixture, sha, type IngestFixture } from './ingest-fixture';

let f: IngestFixture;
beforeEach(() => {
  f = openIngestFixture();
});
afterEach(() => f.dispose());

const threadOf = (caseId: number) =>
  f.db.orm.select().from(messages).where(eq(messages.caseId, caseId)).orderBy(asc(messages.date), asc(messages.id)).all();

const incomingOf = (caseId: number) => threadOf(caseId).filter((message) => message.direction === 'in');

const setCase = (caseId: number, set: Partial<typeof cases.$inferInsert>) =>
  f.db.orm.update(cases).set(set).where(eq(cases.id, caseId)).run();

/** One of our replies, as the case actions write it: our Message-ID carries the case number. */
function ourReply(caseId: number, messageIdHeader = `<ud.${f.caseRow(caseId).number}.x@centre.fr>`): string {
  const at = f.clock.now().toISOString();
  f.db.orm
    .insert(messages)
    .values({ caseId, direction: 'out', messageIdHeader, from: { address: centreAddress }, to: [customer], date: at, createdAt: at, authorId: f.agentIds.camille })
    .run();
  return messageIdHeader;
}

const lastHistory = (caseId: number) =>
  f.db.orm.select().from(history).where(eq(history.caseId, caseId)).orderBy(asc(history.id)).all().at(-1);

const checkpoint = () =>
  f.db.orm.select().from(mailCheckpoints).where(and(eq(mailCheckpoints.mailboxId, f.mailboxId), eq(mailCheckpoints.folder, 'INBOX'))).get();

describe('filing new messages and threads', () => {
  it('files three mails from a customer, one answering another, as two cases of one contact', () => {
    const first = f.incoming({ subject: 'Facture de mars' });
    const firstCase = caseOf(f.sink.ingest(first));
    f.clock.advanceHours(1);
    const secondCase = caseOf(f.sink.ingest(f.incoming({ subject: 'Changement d’adresse', from: { name: 'Jeanne Client', address: 'Jeanne.CLIENT@example.org' } })));
    f.clock.advanceHours(1);
    const answer = f.incoming({ subject: 'RE: Facture de mars', inReplyTo: first.messageId, references: [first.messageId as string] });
    const outcome = f.sink.ingest(answer);

    expect(outcome).toMatchObject({ kind: 'appended', caseId: firstCase, reason: 'in_reply_to', reopened: false });
    expect(secondCase).not.toBe(firstCase);
    const people = f.db.orm.select().from(contacts).where(eq(contacts.emailNormalized, customer.address)).all();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ firstName: 'Jeanne', lastName: 'Client', civility: 'monsieur', country: 'FR' });
    expect([f.caseRow(firstCase).contactId, f.caseRow(secondCase).contactId]).toEqual([people[0]?.id, people[0]?.id]);
    expect(incomingOf(firstCase).map((m) => [m.messageIdHeader, m.attachReason])).toEqual([
      [first.messageId, 'new_case'],
      [answer.messageId, 'in_reply_to'],
    ]);
    expect(incomingOf(secondCase)).toHaveLength(1);
  });

  it('opens a case as PRODUCT.md says: todo, unassigned, unread, in the mailbox queue, numbered after the last', () => {
    const mail = f.incoming({ subject: 'Ma commande', text: null, html: '<p>Où en est <b>ma commande</b> ?</p><script>x()</script>' });
    const outcome = f.sink.ingest(mail);
    expect(outcome).toMatchObject({ kind: 'new_case', number: '000021' });
    const row = f.caseRow(caseOf(outcome));
    expect(row).toMatchObject({ state: 'todo', assigneeId: null, unread: true, queueId: f.queueIds.service, subject: 'Ma commande', version: 1 });
    expect(row.questionText).toBe('Où en est ma commande ?');
    expect(row.questionHtml).toBe('<p>Où en est ma commande ?</p>');
    expect(lastHistory(row.id)).toMatchObject({ action: 'received', stateBefore: null, stateAfter: 'todo', agentId: null });
    expect(f.changes).toEqual([{ caseId: row.id, version: 1, state: 'todo', assigneeId: null, queueId: f.queueIds.service }]);
  });

  it('records the raw source and the attachments by their blob-store paths', () => {
    const file = { sha256: sha('pdf'), size: 10, mediaType: 'application/pdf', displayName: '../../etc/facture.pdf' };
    const mail = f.incoming({ attachments: [file] });
    const caseId = caseOf(f.sink.ingest(mail));
    const [message] = incomingOf(caseId);
    expect(message?.rawPath?.split(/[\\/]/)).toEqual(['attachments', mail.rawSha256.slice(0, 2), mail.rawSha256]);
    const rows = f.db.orm.select().from(attachments).where(eq(attachments.caseId, caseId)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ messageId: message?.id, kind: 'mail', sha256: file.sha256, displayName: 'facture.pdf' });
    expect(rows[0]?.storagePath.split(/[\\/]/)).toEqual(['attachments', file.sha256.slice(0, 2), file.sha256]);
  });

  it('follows References from the most recent when In-Reply-To is unknown', () => {
    const older = f.incoming();
    const newer = f.incoming();
    const olderCase = caseOf(f.sink.ingest(older));
    const newerCase = caseOf(f.sink.ingest(newer));
    const reply = f.incoming({ inReplyTo: '<lost@elsewhere.example>', references: [older.messageId as string, newer.messageId as string, '<unknown@x>'] });
    expect(f.sink.ingest(reply)).toMatchObject({ kind: 'appended', caseId: newerCase, reason: 'references' });
    expect(incomingOf(olderCase)).toHaveLength(1);
  });

  it('forwards a message for a merged case to its master', () => {
    const first = f.incoming();
    const merged = caseOf(f.sink.ingest(first));
    const master = caseOf(f.sink.ingest(f.incoming()));
    setCase(merged, { mergedIntoId: master });
    expect(f.sink.ingest(f.incoming({ inReplyTo: first.messageId }))).toMatchObject({ kind: 'appended', caseId: master });
  });
});

describe('reopen rules', () => {
  it('makes a waiting_contact case contact_replied, back in the same agent’s En cours', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    setCase(caseId, { state: 'waiting_contact', assigneeId: f.agentIds.camille, unread: false, version: 3 });
    const ours = ourReply(caseId);
    f.changes.length = 0;

    const outcome = f.sink.ingest(f.incoming({ subject: 'RE: merci', inReplyTo: ours }));

    expect(outcome).toMatchObject({ kind: 'appended', caseId, reason: 'in_reply_to', reopened: true });
    expect(f.caseRow(caseId)).toMatchObject({ state: 'contact_replied', assigneeId: f.agentIds.camille, unread: true, version: 4 });
    expect(lastHistory(caseId)).toMatchObject({ action: 'message_received', stateBefore: 'waiting_contact', stateAfter: 'contact_replied' });
    expect(f.changes).toEqual([{ caseId, version: 4, state: 'contact_replied', assigneeId: f.agentIds.camille, queueId: f.queueIds.service }]);
  });

  it('threads by our Message-ID format even when the referenced message is not stored here', () => {
    // Demo case 000005, answered from another installation or before a restore: only its number is known.
    const demo = f.db.orm.select().from(cases).where(eq(cases.number, '000005')).get();
    setCase(demo?.id as number, { state: 'waiting_contact', assigneeId: f.agentIds.lucas });
    const contact = f.db.orm.select().from(contacts).where(eq(contacts.id, demo?.contactId as number)).get();
    const outcome = f.sink.ingest(
      f.incoming({ from: { address: contact?.email as string }, references: ['<ud.000005.5f0c9e1d2b3a4c5d6e7f8091@centre.fr>'] }),
    );
    expect(outcome).toMatchObject({ kind: 'appended', caseId: demo?.id, reason: 'message_id_reference', reopened: true });
    expect(f.caseRow(demo?.id as number)).toMatchObject({ state: 'contact_replied', assigneeId: f.agentIds.lucas });
  });

  it('makes a closed case todo in the En cours of the agent who closed it', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    setCase(caseId, { state: 'closed', assigneeId: f.agentIds.camille, closedById: f.agentIds.lucas });
    const ours = ourReply(caseId);
    expect(f.sink.ingest(f.incoming({ inReplyTo: ours }))).toMatchObject({ kind: 'appended', reopened: true });
    expect(f.caseRow(caseId)).toMatchObject({ state: 'todo', assigneeId: f.agentIds.lucas, unread: true });
    expect(lastHistory(caseId)).toMatchObject({ stateBefore: 'closed', stateAfter: 'todo' });
  });

  it('sends a closed case back to its queue when the agent who closed it has left', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    setCase(caseId, { state: 'closed', assigneeId: f.agentIds.lucas, closedById: f.agentIds.lucas });
    f.db.orm.update(agents).set({ active: false }).where(eq(agents.id, f.agentIds.lucas)).run();
    f.sink.ingest(f.incoming({ inReplyTo: ourReply(caseId) }));
    expect(f.caseRow(caseId)).toMatchObject({ state: 'todo', assigneeId: null });
  });

  it.each(['todo_bis', 'in_validation', 'contact_replied'] as const)('appends to a %s case and flags it unread', (state) => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    setCase(caseId, { state, assigneeId: f.agentIds.camille, unread: false });
    expect(f.sink.ingest(f.incoming({ inReplyTo: ourReply(caseId) }))).toMatchObject({ kind: 'appended', reopened: false });
    expect(f.caseRow(caseId)).toMatchObject({ state, assigneeId: f.agentIds.camille, unread: true, version: 2 });
  });
});

describe('the subject token', () => {
  it('lets the case’s contact in, whatever the case of their address', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    const { number } = f.caseRow(caseId);
    const outcome = f.sink.ingest(f.incoming({ subject: `Suite [#${number}]`, from: { address: 'JEANNE.client@EXAMPLE.org' } }));
    expect(outcome).toMatchObject({ kind: 'appended', caseId, reason: 'subject_reference' });
  });

  it('lets in someone who was in the CC of one of the case’s messages', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming({ cc: [{ address: 'Conjoint@Example.org' }] })));
    const { number } = f.caseRow(caseId);
    const outcome = f.sink.ingest(f.incoming({ subject: `[#${number}] complément`, from: { address: 'conjoint@example.org' } }));
    expect(outcome).toMatchObject({ kind: 'appended', caseId, reason: 'subject_reference' });
  });

  it('opens a new case for a stranger quoting someone else’s number', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    const { number } = f.caseRow(caseId);
    const outcome = f.sink.ingest(f.incoming({ subject: `Re: [#${number}]`, from: { name: 'Paul Intrus', address: 'paul@intrus.example' } }));
    expect(outcome.kind).toBe('new_case');
    expect(incomingOf(caseId)).toHaveLength(1);
  });
});

describe('duplicates and the checkpoint', () => {
  it('reports the same message twice as a duplicate', () => {
    const mail = f.incoming();
    const caseId = caseOf(f.sink.ingest(mail));
    expect(f.sink.ingest(mail)).toEqual({ kind: 'duplicate', caseId });
    expect(incomingOf(caseId)).toHaveLength(1);
  });

  it('recognises a message renumbered by a new UIDVALIDITY by its Message-ID: no second case', () => {
    const mail = f.incoming({ uid: 40 });
    const caseId = caseOf(f.sink.ingest(mail));
    const before = f.db.orm.select().from(cases).all().length;
    expect(f.sink.ingest({ ...mail, uidValidity: 2, uid: 3 })).toEqual({ kind: 'duplicate', caseId });
    expect(f.db.orm.select().from(cases).all()).toHaveLength(before);
    expect(checkpoint()).toMatchObject({ uidValidity: 2, lastUid: 3 });
  });

  it('keys a message without Message-ID by a hash of its stable headers', () => {
    const mail = f.incoming({ messageId: null });
    const caseId = caseOf(f.sink.ingest(mail));
    const [stored] = incomingOf(caseId);
    expect(stored?.messageIdHeader).toMatch(/^<sha256\.[0-9a-f]{64}@unified\.invalid>$/);
    expect(f.sink.ingest({ ...mail, uidValidity: 9, uid: 1 })).toEqual({ kind: 'duplicate', caseId });
    expect(f.sink.ingest(f.incoming({ messageId: null, subject: 'Autre sujet' })).kind).toBe('new_case');
  });

  it('moves the checkpoint with each message, never backwards within a UIDVALIDITY', () => {
    f.sink.ingest(f.incoming({ uid: 7 }));
    expect(checkpoint()).toMatchObject({ uidValidity: 1, lastUid: 7 });
    f.sink.ingest(f.incoming({ uid: 5 }));
    expect(checkpoint()).toMatchObject({ lastUid: 7 });
    f.sink.ingest(f.incoming({ uid: 2, uidValidity: 8 }));
    expect(checkpoint()).toMatchObject({ uidValidity: 8, lastUid: 2 });
  });

  it('leaves neither the message, the contact nor the checkpoint when filing fails half-way', () => {
    f.sink.ingest(f.incoming({ uid: 3 }));
    // Fails after the case, the contact and the message are written: the attachments come last.
    f.db.sqlite.exec(`CREATE TRIGGER fail_attachment BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const counts = () => ({
      cases: f.db.orm.select().from(cases).all().length,
      messages: f.db.orm.select().from(messages).all().length,
      contacts: f.db.orm.select().from(contacts).all().length,
      outbox: f.db.orm.select().from(outbox).all().length,
    });
    const before = counts();
    const file = { sha256: sha('doc'), size: 1, mediaType: 'text/plain', displayName: 'a.txt' };
    const mail = f.incoming({ uid: 9, from: { address: 'nouveau@example.net' }, attachments: [file] });
    expect(() => f.sink.ingest(mail)).toThrow(/disk full/);
    expect(counts()).toEqual(before);
    expect(checkpoint()).toMatchObject({ lastUid: 3 });
    expect(f.changes).toHaveLength(1);
  });
});

describe('quarantine', () => {
  it('keeps the raw source and moves the checkpoint, once', () => {
    const reason = { code: 'unparseable' as const, detail: 'MIME illisible' };
    const entry = { mailboxId: f.mailboxId, folder: 'INBOX', uidValidity: 1, uid: 12, reason, rawSha256: sha('broken') };
    f.sink.quarantine(entry);
    f.sink.quarantine(entry);
    const rows = f.db.orm.select().from(quarantine).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ uid: 12, reason: 'unparseable: MIME illisible', resolvedAt: null });
    expect(rows[0]?.rawPath.split(/[\\/]/)).toEqual(['attachments', entry.rawSha256.slice(0, 2), entry.rawSha256]);
    expect(checkpoint()).toMatchObject({ lastUid: 12 });
  });

  it('takes Reply-To for the sender when From has no address', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming({ from: { name: 'Inconnu', address: '' }, replyTo: [{ address: 'vrai@example.org' }] })));
    const contact = f.db.orm.select().from(contacts).where(eq(contacts.id, f.caseRow(caseId).contactId)).get();
    expect(contact).toMatchObject({ email: 'vrai@example.org', lastName: 'vrai' });
  });

  it('quarantines a message with no sender at all rather than filing it for nobody', () => {
    expect(f.sink.ingest(f.incoming({ from: null, uid: 30 }))).toEqual({ kind: 'quarantined', reason: 'no_sender' });
    expect(f.db.orm.select().from(quarantine).all()).toEqual([expect.objectContaining({ uid: 30, reason: 'no_sender' })]);
    expect(checkpoint()).toMatchObject({ lastUid: 30 });
  });
});
