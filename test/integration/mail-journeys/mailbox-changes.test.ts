import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, contacts, mailCheckpoints, messages } from '../../../electron/core/db/schema';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const ines = customer('ines', 'Inès Garnier');
const hugo = customer('hugo', 'Hugo Roux');

let world: JourneyWorld;

beforeAll(async () => {
  // Nothing periodic may reload the mailboxes during the test: only the administrator's change can.
  world = await startJourneyWorld([ines, hugo], { waitingCheckMs: 3_600_000 });
});
afterAll(async () => {
  await world?.stop();
});

describe('the administrator changes the mailbox while the app runs', () => {
  it('stops its sync when it is suspended, and fetches what arrived meanwhile as soon as it is active again', async () => {
    const { admin, runtime, mailboxId } = world;
    const mailbox = (await admin.mailboxes.list()).find((m) => m.id === mailboxId);
    expect(runtime.sync.running()).toEqual([mailboxId]);

    await admin.mailboxes.update({ ...mailbox!, active: false });
    await expect.poll(() => runtime.sync.running()).toEqual([]);
    const meanwhile = await world.send(ines, { subject: 'Pendant la suspension', text: 'Ce message attend sur le serveur.' });

    await admin.mailboxes.update({ ...mailbox!, active: true });
    await expect.poll(() => runtime.sync.running()).toEqual([mailboxId]);
    await world.caseOf(meanwhile);
  });
});

const uidValidity = () =>
  world.core.db.orm.select({ value: mailCheckpoints.uidValidity }).from(mailCheckpoints).where(eq(mailCheckpoints.mailboxId, world.mailboxId)).get()?.value;

const casesOfHugo = () =>
  world.core.db.orm.select({ id: cases.id }).from(cases).innerJoin(contacts, eq(contacts.id, cases.contactId)).where(eq(contacts.email, hugo.user)).all();

/** Hugo's messages as filed from the mailbox: one row each, or some were filed twice. */
const fromHugo = () =>
  world.core.db.orm
    .select({ from: messages.from })
    .from(messages)
    .where(and(eq(messages.mailboxId, world.mailboxId), eq(messages.direction, 'in')))
    .all()
    .filter((row) => row.from.address === hugo.user);

/**
 * Without its index and UID list, Dovecot numbers the INBOX's mails again under a new
 * UIDVALIDITY: what a server does when a mailbox is rebuilt or restored with the same mails.
 */
function forgetInboxUids(): void {
  const maildir = path.join(world.rig.dovecot.homeDir(CENTRE.user), 'Maildir');
  for (const name of readdirSync(maildir).filter((entry) => entry.startsWith('dovecot'))) rmSync(path.join(maildir, name), { force: true });
}

describe('the centre’s INBOX is renumbered (new UIDVALIDITY) with the same mails', () => {
  it('rescans it without opening a single duplicate case', async () => {
    const first = await world.send(hugo, { subject: 'Garantie de mon lave-linge', text: 'Est-il encore garanti ?' });
    const second = await world.send(hugo, { subject: 'Pièce détachée', text: 'Où commander un filtre ?' });
    const [firstCase, secondCase] = [await world.caseOf(first), await world.caseOf(second)];
    const before = uidValidity();

    await world.rig.dovecot.restart(forgetInboxUids);
    // Filed after the rescan, in UID order: once it is in, the rescan has looked at the first two.
    const third = await world.send(hugo, { subject: 'Livraison', text: 'Quand serai-je livré ?' });
    const thirdCase = await world.caseOf(third);

    expect(uidValidity()).not.toBe(before);
    expect(casesOfHugo().map((row) => row.id).sort()).toEqual([firstCase, secondCase, thirdCase].sort());
    expect(fromHugo()).toHaveLength(3);
  }, 60_000);
});
