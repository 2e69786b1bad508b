import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cases, messages, outbox, quarantine } from '../../../../electron/core/db/schema';
import type { IncomingMail } from '../../../../electron/core/mail/incoming-mail';
import { automaticKind, type AutomaticKind } from '../../../../electron/core/mail/ingest/auto-reply';
import { caseOf, centreAddress, openIngestFixture, type IngestFixture } from './ingest-fixture';

type Headers = IncomingMail['headers'];

/** Every header a machine announces itself with, and what it makes of the message. */
const variants: [string, Headers, AutomaticKind][] = [
  ['Auto-Submitted: auto-replied', { autoSubmitted: 'auto-replied' }, 'auto_reply'],
  ['Auto-Submitted: auto-generated with parameters', { autoSubmitted: 'Auto-Generated; owner-email="x@y"' }, 'auto_reply'],
  ['Precedence: auto_reply', { precedence: 'auto_reply' }, 'auto_reply'],
  ['X-Autoreply: yes', { xAutoreply: 'yes' }, 'auto_reply'],
  ['Precedence: bulk', { precedence: 'bulk' }, 'bulk'],
  ['Precedence: junk', { precedence: 'junk' }, 'bulk'],
  ['Precedence: list', { precedence: 'List' }, 'bulk'],
  ['List-Id', { listId: 'Annonces <annonces.example.org>' }, 'mailing_list'],
  ['X-Auto-Response-Suppress: All', { xAutoResponseSuppress: 'All' }, 'no_auto_response'],
  ['X-Auto-Response-Suppress: DR, OOF', { xAutoResponseSuppress: 'DR, OOF' }, 'no_auto_response'],
  ['X-Auto-Response-Suppress: AutoReply', { xAutoResponseSuppress: 'AutoReply' }, 'no_auto_response'],
  ['Return-Path: <> (a bounce)', { returnPath: '<>' }, 'bounce'],
  ['X-Unified-Case (our own mail)', { xUnifiedCase: '000021' }, 'loop'],
];

const own = new Set([centreAddress]);
const mailWith = (headers: Headers, from = { address: 'jeanne@example.org' }) =>
  ({ from, replyTo: [], headers }) as unknown as IncomingMail;

describe('automaticKind', () => {
  it.each(variants)('recognises %s', (_label, headers, kind) => {
    expect(automaticKind(mailWith(headers), own)).toBe(kind);
  });

  it('takes a person’s mail for a person’s, Auto-Submitted: no included', () => {
    expect(automaticKind(mailWith({}), own)).toBeNull();
    expect(automaticKind(mailWith({ autoSubmitted: 'no', precedence: 'first-class', xAutoResponseSuppress: 'DR, RN' }), own)).toBeNull();
    expect(automaticKind(mailWith({ returnPath: '<jeanne@example.org>' }), own)).toBeNull();
  });

  it('stops loops: our own address as sender, whatever its case', () => {
    expect(automaticKind(mailWith({}, { address: 'Contact@Centre.FR' }), own)).toBe('loop');
  });

  it('takes MAILER-DAEMON for a bounce even without Return-Path', () => {
    expect(automaticKind(mailWith({}, { address: 'MAILER-DAEMON@mx.example.org' }), own)).toBe('bounce');
  });
});

describe('filing a machine’s message', () => {
  let f: IngestFixture;
  beforeEach(() => {
    f = openIngestFixture();
  });
  afterEach(() => f.dispose());

  const outboxCount = () => f.db.orm.select().from(outbox).all().length;

  it.each(variants.filter(([, , kind]) => kind !== 'loop'))('neither reopens nor answers: %s', (_label, headers) => {
    const first = f.incoming();
    const caseId = caseOf(f.sink.ingest(first));
    f.db.orm.update(cases).set({ state: 'waiting_contact', assigneeId: f.agentIds.camille, unread: false }).where(eq(cases.id, caseId)).run();
    const acknowledgements = outboxCount();

    const outcome = f.sink.ingest(f.incoming({ inReplyTo: first.messageId, headers }));

    expect(outcome).toMatchObject({ kind: 'appended', caseId, reopened: false });
    expect(f.caseRow(caseId)).toMatchObject({ state: 'waiting_contact', assigneeId: f.agentIds.camille, unread: false });
    const stored = f.db.orm.select().from(messages).where(eq(messages.caseId, caseId)).all().at(-1);
    expect(stored).toMatchObject({ direction: 'in', autoSubmitted: true });
    // A new case opened by a machine is not acknowledged either.
    expect(f.sink.ingest(f.incoming({ headers })).kind).toBe('new_case');
    expect(outboxCount()).toBe(acknowledgements);
  });

  it('files our own mail into its thread without effect, and sets it aside in the quarantine rather than open a case for it', () => {
    const first = f.incoming();
    const caseId = caseOf(f.sink.ingest(first));
    const before = f.db.orm.select().from(cases).all().length;
    const ours = { address: centreAddress };
    expect(f.sink.ingest(f.incoming({ from: ours, inReplyTo: first.messageId }))).toMatchObject({ kind: 'appended', caseId, reopened: false });
    expect(f.sink.ingest(f.incoming({ from: ours, subject: 'Accusé de réception' }))).toEqual({ kind: 'quarantined', reason: 'own_address' });
    expect(f.db.orm.select().from(cases).all()).toHaveLength(before);
    expect(f.db.orm.select().from(quarantine).all()).toEqual([expect.objectContaining({ reason: 'own_address' })]);
  });
});
