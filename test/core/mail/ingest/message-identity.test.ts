import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages, quarantine } from '../../../../electron/core/db/schema';
import { caseOf, openIngestFixture, sha, type IngestFixture } from './ingest-fixture';

let f: IngestFixture;
beforeEach(() => {
  f = openIngestFixture();
});
afterEach(() => f.dispose());

/** What the sync filed from the test's mailbox (the demo's own cases have messages too). */
const incoming = () =>
  f.db.orm
    .select()
    .from(messages)
    .where(and(eq(messages.direction, 'in'), eq(messages.mailboxId, f.mailboxId)))
    .orderBy(asc(messages.id))
    .all();

describe('a message is the same message only by its place on the server or its source', () => {
  it('files a different mail that reuses a known Message-ID, and records the reuse on it', () => {
    const first = f.incoming({ messageId: '<commande-1042@boutique.example>', subject: 'Commande 1042', text: 'Colis non reçu.' });
    const firstCase = caseOf(f.sink.ingest(first));
    const other = f.incoming({
      messageId: '<commande-1042@boutique.example>',
      from: { name: 'Paul Autre', address: 'paul@autre.example' },
      subject: 'Facture erronée',
      text: 'Ma facture est fausse.',
    });

    const outcome = f.sink.ingest(other);

    expect(outcome.kind).toBe('new_case');
    expect(caseOf(outcome)).not.toBe(firstCase);
    const [stored, reused] = incoming();
    expect(reused).toMatchObject({ caseId: caseOf(outcome), messageIdHeader: '<commande-1042@boutique.example>', text: 'Ma facture est fausse.' });
    expect(reused?.messageIdSeenOnId).toBe(stored?.id);
    expect(stored?.messageIdSeenOnId).toBeNull();
  });

  it('keeps N messages sharing one Message-ID with different bodies: N rows, none dropped', () => {
    const shared = '<newsletter@broken-mailer.example>';
    const outcomes = [1, 2, 3, 4].map((n) => f.sink.ingest(f.incoming({ messageId: shared, text: `Corps numéro ${n}` })));
    expect(outcomes.map((o) => o.kind)).not.toContain('duplicate');
    expect(incoming().map((m) => m.text)).toEqual(['Corps numéro 1', 'Corps numéro 2', 'Corps numéro 3', 'Corps numéro 4']);
    expect(f.db.orm.select().from(quarantine).all()).toEqual([]);
  });

  it('still recognises the same source fetched again under a new UIDVALIDITY, whatever its Message-ID', () => {
    const mail = f.incoming({ messageId: null, uid: 12 });
    const caseId = caseOf(f.sink.ingest(mail));
    expect(f.sink.ingest({ ...mail, uidValidity: 5, uid: 1 })).toEqual({ kind: 'duplicate', caseId });
    expect(incoming()).toHaveLength(1);
    expect(incoming()[0]?.rawSha256).toBe(mail.rawSha256);
  });

  it('files a copy of the same Message-ID with another source in the same mailbox', () => {
    const mail = f.incoming();
    caseOf(f.sink.ingest(mail));
    const resent = { ...f.incoming(), messageId: mail.messageId, rawSha256: sha('resent with other headers') };
    expect(f.sink.ingest(resent).kind).not.toBe('duplicate');
    expect(incoming()).toHaveLength(2);
  });
});
