import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agents, cases, messages, notepadEntries, quarantine } from '../../../../electron/core/db/schema';
import { newMessageId } from '../../../../electron/core/mail/outgoing-message';
import { createAddressBookService } from '../../../../electron/core/services/address-book/address-book-service';
import { caseOf, centreAddress, customer, openIngestFixture, type IngestFixture } from './ingest-fixture';

let f: IngestFixture;
beforeEach(() => {
  f = openIngestFixture();
});
afterEach(() => f.dispose());

const stranger = { name: 'Paul Intrus', address: 'paul@intrus.example' };

/** The case's incoming mail (the queue's acknowledgement is in the thread too). */
const incomingOf = (caseId: number) =>
  f.db.orm
    .select()
    .from(messages)
    .where(and(eq(messages.caseId, caseId), eq(messages.direction, 'in')))
    .orderBy(asc(messages.id))
    .all();

const notesOf = (caseId: number) =>
  f.db.orm.select({ text: notepadEntries.text, agentId: notepadEntries.agentId }).from(notepadEntries).where(eq(notepadEntries.caseId, caseId)).all();

const camille = () => {
  const row = f.db.orm.select().from(agents).where(eq(agents.id, f.agentIds.camille)).get();
  return { id: row!.id, displayName: row!.displayName, role: row!.role };
};

/** One of our replies in the case's thread, with a Message-ID as `newMessageId` makes them. */
function answer(caseId: number): string {
  const at = f.clock.now().toISOString();
  const id = newMessageId(f.caseRow(caseId).number, centreAddress);
  f.db.orm
    .insert(messages)
    .values({ caseId, direction: 'out', messageIdHeader: id, from: { address: centreAddress }, to: [customer], date: at, createdAt: at, authorId: f.agentIds.camille })
    .run();
  return id;
}

describe('a reply found through References or In-Reply-To is accepted only from someone the case knows', () => {
  it('files a stranger’s mail referencing our reply as a new case, with a note naming the case it claimed', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming({ subject: 'Remboursement' })));
    const ours = answer(caseId);
    const { number } = f.caseRow(caseId);

    const outcome = f.sink.ingest(f.incoming({ from: stranger, subject: 'RE: Remboursement', inReplyTo: ours, references: [ours] }));

    expect(outcome.kind).toBe('new_case');
    expect(incomingOf(caseId)).toHaveLength(1);
    const notes = notesOf(caseOf(outcome));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.agentId).toBeNull();
    expect(notes[0]?.text).toContain(`prétend répondre au dossier ${number}`);
  });

  it('does not let a stranger in through an In-Reply-To to the contact’s own message', () => {
    const first = f.incoming();
    const caseId = caseOf(f.sink.ingest(first));
    const outcome = f.sink.ingest(f.incoming({ from: stranger, inReplyTo: first.messageId }));
    expect(outcome.kind).toBe('new_case');
    expect(incomingOf(caseId)).toHaveLength(1);
  });

  it('does not let a stranger in with a made-up Message-ID of ours carrying the case number', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    const forged = newMessageId(f.caseRow(caseId).number, centreAddress);
    const outcome = f.sink.ingest(f.incoming({ from: stranger, references: [forged] }));
    expect(outcome.kind).toBe('new_case');
    expect(notesOf(caseOf(outcome))[0]?.text).toContain(`prétend répondre au dossier ${f.caseRow(caseId).number}`);
  });

  it('takes our short guessable ids of old for nobody’s: `<ud.000111.x@…>` threads nowhere', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    const outcome = f.sink.ingest(f.incoming({ references: [`<ud.${f.caseRow(caseId).number}.x@centre.fr>`] }));
    expect(outcome.kind).toBe('new_case');
    expect(notesOf(caseOf(outcome))).toEqual([]);
  });

  it('lets the contact in through our Message-ID, even when the reply itself is not stored here', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    const outcome = f.sink.ingest(f.incoming({ references: [newMessageId(f.caseRow(caseId).number, centreAddress)] }));
    expect(outcome).toMatchObject({ kind: 'appended', caseId, reason: 'message_id_reference' });
  });

  it('lets in an address that was in the To or CC of one of the case’s messages', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming({ cc: [{ address: 'Conjoint@Example.org' }] })));
    const ours = answer(caseId);
    const outcome = f.sink.ingest(f.incoming({ from: { address: 'conjoint@example.org' }, inReplyTo: ours }));
    expect(outcome).toMatchObject({ kind: 'appended', caseId, reason: 'in_reply_to' });
  });

  it('lets in an address an agent put in the address book', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    const ours = answer(caseId);
    const book = createAddressBookService({ db: f.db, clock: f.clock });
    book.create({ civility: 'madame', lastName: 'Assurance', firstName: '', email: 'sinistres@assureur.example' }, camille());
    const outcome = f.sink.ingest(f.incoming({ from: { address: 'Sinistres@Assureur.example' }, references: [ours] }));
    expect(outcome).toMatchObject({ kind: 'appended', caseId, reason: 'references' });
  });

  it('does not take another contact of the centre for someone this case knows', () => {
    caseOf(f.sink.ingest(f.incoming({ from: stranger, subject: 'Mon propre dossier' })));
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    const ours = answer(caseId);
    expect(f.sink.ingest(f.incoming({ from: stranger, inReplyTo: ours })).kind).toBe('new_case');
  });

  it('threads into the case whose people know the sender when two cases hold the same Message-ID', () => {
    const shared = '<reused@mailer.example>';
    const paulCase = caseOf(f.sink.ingest(f.incoming({ from: stranger, messageId: shared })));
    const jeanneCase = caseOf(f.sink.ingest(f.incoming({ messageId: shared })));
    expect(f.sink.ingest(f.incoming({ inReplyTo: shared }))).toMatchObject({ kind: 'appended', caseId: jeanneCase });
    expect(f.sink.ingest(f.incoming({ from: stranger, inReplyTo: shared }))).toMatchObject({ kind: 'appended', caseId: paulCase });
  });
});

describe('our own mail coming back', () => {
  it('is quarantined, not dropped, when it belongs to no case', () => {
    const before = f.db.orm.select().from(cases).all().length;
    const outcome = f.sink.ingest(f.incoming({ from: { address: centreAddress }, subject: 'Accusé de réception', uid: 77 }));
    expect(outcome).toEqual({ kind: 'quarantined', reason: 'own_address' });
    expect(f.db.orm.select().from(cases).all()).toHaveLength(before);
    const rows = f.db.orm.select({ uid: quarantine.uid, reason: quarantine.reason }).from(quarantine).all();
    expect(rows).toEqual([{ uid: 77, reason: 'own_address' }]);
  });
});
