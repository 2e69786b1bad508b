import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReplyToPolicy } from '../../../../shared/domain/admin/settings-schema';
import { agents, contacts, messages, outbox } from '../../../../electron/core/db/schema';
import { createSettingsAdmin } from '../../../../electron/core/services/admin/settings';
import { caseOf, centreAddress, openIngestFixture, type IngestFixture } from './ingest-fixture';

let f: IngestFixture;
beforeEach(() => {
  f = openIngestFixture();
});
afterEach(() => f.dispose());

const form = { name: 'Formulaire de contact', address: 'no-reply@formulaires.example' };
const lea = { name: 'Léa Martin', address: 'lea.martin@example.org' };

const contactOf = (caseId: number) => f.db.orm.select().from(contacts).where(eq(contacts.id, f.caseRow(caseId).contactId)).get();

/** The administrator's choice, saved as the settings screen saves it. */
function chooseReplyToPolicy(replyToPolicy: ReplyToPolicy): void {
  const admin = f.db.orm.select().from(agents).where(eq(agents.login, 'admin')).get()!;
  const service = createSettingsAdmin(f.db);
  service.update({ ...service.read(), replyToPolicy }, { id: admin.id, displayName: admin.displayName, role: admin.role });
}

describe('Reply-To', () => {
  it('is stored on the message as it came', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming({ from: form, replyTo: [lea] })));
    const stored = f.db.orm.select().from(messages).where(eq(messages.caseId, caseId)).orderBy(asc(messages.id)).get();
    expect(stored?.replyTo).toEqual([lea]);
    expect(stored?.from).toEqual(form);
  });

  it('makes the customer of a web form the contact, and the acknowledgement goes to them (default rule)', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming({ from: form, replyTo: [lea] })));
    expect(contactOf(caseId)).toMatchObject({ email: lea.address, firstName: 'Léa', lastName: 'Martin' });
    const acknowledgement = f.db.orm.select().from(outbox).where(eq(outbox.caseId, caseId)).get();
    expect(acknowledgement?.payload.to).toEqual([lea]);
  });

  it.each(['noreply@x.example', 'NE-PAS-REPONDRE@banque.example', 'nepasrepondre@x.example', 'donotreply@x.example', 'no-reply+form7@x.example'])(
    'takes %s for a no-reply address',
    (address) => {
      const caseId = caseOf(f.sink.ingest(f.incoming({ from: { address }, replyTo: [lea] })));
      expect(contactOf(caseId)?.email).toBe(lea.address);
    },
  );

  it('leaves a person’s own From as the contact by default, whatever Reply-To says', () => {
    const paul = { name: 'Paul Durand', address: 'paul@example.org' };
    const caseId = caseOf(f.sink.ingest(f.incoming({ from: paul, replyTo: [{ address: 'paul.perso@example.net' }] })));
    expect(contactOf(caseId)?.email).toBe(paul.address);
  });

  it('follows the administrator’s rule: always Reply-To, or never', () => {
    const paul = { name: 'Paul Durand', address: 'paul@example.org' };
    chooseReplyToPolicy('always');
    const always = caseOf(f.sink.ingest(f.incoming({ from: paul, replyTo: [{ address: 'paul.perso@example.net' }] })));
    expect(contactOf(always)?.email).toBe('paul.perso@example.net');
    chooseReplyToPolicy('never');
    const never = caseOf(f.sink.ingest(f.incoming({ from: form, replyTo: [lea] })));
    expect(contactOf(never)?.email).toBe(form.address);
  });

  it('never takes one of the centre’s own addresses from Reply-To for a contact', () => {
    const caseId = caseOf(f.sink.ingest(f.incoming({ from: form, replyTo: [{ address: centreAddress }] })));
    expect(contactOf(caseId)?.email).toBe(form.address);
  });
});
