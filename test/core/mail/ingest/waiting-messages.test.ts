import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cases, contacts, history, messages, outbox } from '../../../../electron/core/db/schema';
import { createWaitingMessageSender } from '../../../../electron/core/mail/ingest/waiting-messages';
import { EventBus } from '../../../../electron/core/event-bus';
import { caseOf, centreAddress, customer, openIngestFixture, type IngestFixture } from './ingest-fixture';

let f: IngestFixture;
let sender: ReturnType<typeof createWaitingMessageSender>;
let events: string[];
beforeEach(() => {
  f = openIngestFixture();
  const bus = new EventBus();
  events = [];
  bus.subscribe((name) => events.push(name));
  sender = createWaitingMessageSender({ db: f.db, clock: f.clock, events: bus });
});
afterEach(() => f.dispose());

const waitingMessages = () => f.db.orm.select().from(outbox).where(eq(outbox.kind, 'waiting_message')).orderBy(asc(outbox.id)).all();

/** "Service clients" announces 48 hours in the demo. */
describe('sendDueWaitingMessages', () => {
  it('writes one waiting message per case still todo past the queue’s delay, once', () => {
    const mail = f.incoming();
    const caseId = caseOf(f.sink.ingest(mail));
    f.clock.advanceHours(47);
    expect(sender.sendDueWaitingMessages()).toBe(0);
    f.clock.advanceHours(2);

    expect(sender.sendDueWaitingMessages()).toBe(1);

    const [row] = waitingMessages();
    const { number } = f.caseRow(caseId);
    expect(row).toMatchObject({ caseId, mailboxId: f.mailboxId, status: 'queued' });
    expect(row?.payload).toMatchObject({
      to: [{ address: customer.address }],
      inReplyTo: mail.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(row?.payload.text).toContain(`Votre demande ${number} est toujours en cours`);
    expect(f.caseRow(caseId)).toMatchObject({ state: 'todo', version: 2, waitingNoticeSentAt: f.clock.now().toISOString() });
    const last = f.db.orm.select().from(history).where(eq(history.caseId, caseId)).orderBy(asc(history.id)).all().at(-1);
    expect(last).toMatchObject({ action: 'waiting_message', stateBefore: 'todo', stateAfter: 'todo' });
    expect(events).toEqual(['case.changed']);

    f.clock.advanceHours(72);
    expect(sender.sendDueWaitingMessages()).toBe(0);
    expect(waitingMessages()).toHaveLength(1);
  });

  it('skips cases answered, taken further, opened by a machine, or whose contact is our own address', () => {
    const answered = caseOf(f.sink.ingest(f.incoming()));
    const at = f.clock.now().toISOString();
    f.db.orm.insert(messages).values({ caseId: answered, direction: 'out', from: { address: centreAddress }, date: at, createdAt: at }).run();
    const waiting = caseOf(f.sink.ingest(f.incoming({ from: { address: 'paul@example.org' } })));
    f.db.orm.update(cases).set({ state: 'waiting_contact' }).where(eq(cases.id, waiting)).run();
    f.sink.ingest(f.incoming({ from: { address: 'robot@example.org' }, headers: { autoSubmitted: 'auto-generated' } }));
    const ours = caseOf(f.sink.ingest(f.incoming({ from: { address: 'marc@example.org' } })));
    const contactId = f.caseRow(ours).contactId;
    f.db.orm.update(contacts).set({ email: centreAddress }).where(eq(contacts.id, contactId)).run();
    f.clock.advanceHours(100);
    expect(sender.sendDueWaitingMessages()).toBe(0);
  });

  it('shares the daily limit with acknowledgements, and tries again later', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming()));
    f.clock.advanceHours(49);
    // Three acknowledgements to the same contact today use up the allowance.
    for (let i = 0; i < 3; i += 1) f.sink.ingest(f.incoming({ subject: `Nouvelle question ${i}` }));
    expect(sender.sendDueWaitingMessages()).toBe(0);
    expect(f.caseRow(caseId).waitingNoticeSentAt).toBeNull();
    f.clock.advanceHours(25);
    // The acknowledgements are a day old: the held-back message goes (the newer cases are not due yet).
    expect(sender.sendDueWaitingMessages()).toBe(1);
    expect(waitingMessages().map((row) => row.caseId)).toEqual([caseId]);
  });
});
