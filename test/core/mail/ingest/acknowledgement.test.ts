import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages, outbox, queues, settings } from '../../../../electron/core/db/schema';
import { caseOf, centreAddress, customer, openIngestFixture, type IngestFixture } from './ingest-fixture';

let f: IngestFixture;
beforeEach(() => {
  f = openIngestFixture();
});
afterEach(() => f.dispose());

const acknowledgements = () => f.db.orm.select().from(outbox).where(eq(outbox.kind, 'acknowledgement')).orderBy(asc(outbox.id)).all();

describe('the acknowledgement of a new case', () => {
  it('is written once to the outbox, answering the contact’s message, marked Auto-Submitted', () => {
    const mail = f.incoming({ subject: 'Colis abîmé' });
    const outcome = f.sink.ingest(mail);
    const caseId = caseOf(outcome);
    const number = outcome.kind === 'new_case' ? outcome.number : '';

    const [row] = acknowledgements();
    expect(acknowledgements()).toHaveLength(1);
    expect(row).toMatchObject({ caseId, mailboxId: f.mailboxId, agentId: null, status: 'queued', attempts: 0 });
    expect(row?.messageIdHeader).toMatch(new RegExp(`^<ud\\.${number}\\.[0-9a-f]+@centre\\.fr>$`));
    expect(row?.payload).toMatchObject({
      from: { name: 'Service clients', address: centreAddress },
      to: [customer],
      subject: `RE: Colis abîmé [#${number}]`,
      inReplyTo: mail.messageId,
      references: [mail.messageId],
      headers: { 'Message-ID': row?.messageIdHeader, 'Auto-Submitted': 'auto-replied', 'X-Unified-Case': number },
    });
    // The queue's text with its placeholder filled.
    expect(row?.payload.text).toContain(`enregistré sous le numéro ${number}`);
    expect(row?.payload.html).toContain(`numéro ${number}.`);
    const thread = f.db.orm.select().from(messages).where(eq(messages.caseId, caseId)).orderBy(asc(messages.id)).all();
    expect(thread.map((m) => [m.direction, m.autoSubmitted, m.outboxId])).toEqual([
      ['in', false, null],
      ['out', true, row?.id],
    ]);

    // An answer to the acknowledgement joins the case and is not acknowledged again.
    expect(f.sink.ingest(f.incoming({ inReplyTo: row?.messageIdHeader as string }))).toMatchObject({ kind: 'appended', caseId });
    expect(acknowledgements()).toHaveLength(1);
  });

  it('comes from the routed queue’s own text, and not at all from a queue without one', () => {
    f.db.orm.update(queues).set({ acknowledgementText: null }).where(eq(queues.id, f.queueIds.service)).run();
    f.sink.ingest(f.incoming());
    expect(acknowledgements()).toHaveLength(0);
  });

  it('is sent at most three times a day to one contact, then again the next day', () => {
    for (let i = 0; i < 4; i += 1) f.sink.ingest(f.incoming({ from: { address: i % 2 ? 'JEANNE@example.org' : 'jeanne@example.org' } }));
    expect(acknowledgements()).toHaveLength(3);
    f.clock.advanceHours(23);
    f.sink.ingest(f.incoming({ from: { address: 'jeanne@example.org' } }));
    expect(acknowledgements()).toHaveLength(3);
    f.clock.advanceHours(2);
    f.sink.ingest(f.incoming({ from: { address: 'jeanne@example.org' } }));
    expect(acknowledgements()).toHaveLength(4);
    // Another contact has their own allowance.
    f.sink.ingest(f.incoming({ from: { address: 'paul@example.org' } }));
    expect(acknowledgements()).toHaveLength(5);
  });

  it('follows the administrator’s daily limit', () => {
    f.db.orm.insert(settings).values({ key: 'acknowledgement_daily_limit', value: '1' }).run();
    f.sink.ingest(f.incoming());
    f.sink.ingest(f.incoming());
    expect(acknowledgements()).toHaveLength(1);
  });
});
