import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarantine } from '../../../electron/core/db/schema';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const nora = customer('nora', 'Nora Petit');
const holiday = customer('holiday', 'Absence Automatique');
const marc = customer('marc', 'Marc Lemoine');
const chloe = customer('chloe', 'Chloé Bernier');

/** Past this a message is not downloaded; the rig's mails stay small, the "scans" go past it. */
const limit = 20_000;
const scans = 'Scan joint : ' + 'x'.repeat(2 * limit);

let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([nora, holiday, marc, chloe], { limits: { maxMessageBytes: limit } });
});
afterAll(async () => {
  await world?.stop();
});

const quarantined = () => world.core.db.orm.select({ n: count() }).from(quarantine).get()?.n ?? 0;

/** The over-size notices the centre sent to `to`: automatic, and of no case (acknowledgements name theirs). */
const noticesTo = (to: string) =>
  world.rig.smtp.accepted.filter((m) => {
    const raw = m.raw.toString();
    return m.user === CENTRE.user && m.to.includes(to) && /^Auto-Submitted: auto-replied\r$/m.test(raw) && !/^X-Unified-Case:/m.test(raw);
  });

describe('a message too large to download', () => {
  it('is recorded, and its sender gets an automatic notice in French, from the null sender', async () => {
    const big = await world.send(nora, { subject: 'Mes justificatifs', text: scans });
    await expect.poll(quarantined, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => noticesTo(nora.user).length, { timeout: 20_000 }).toBe(1);

    const [accepted] = noticesTo(nora.user);
    expect(accepted?.from).toBe('');
    const messageId = /^Message-ID: (<[^>]+>)/im.exec(accepted!.raw.toString())?.[1] as string;
    const [received, ...duplicates] = await world.read(nora, messageId);
    expect(duplicates).toEqual([]);
    const notice = received!.parsed;
    expect(notice.from?.value).toEqual([{ name: 'Centre de relation clients', address: CENTRE.user }]);
    expect(notice.subject).toBe('Message non reçu : Mes justificatifs');
    expect(notice.inReplyTo).toBe(big);
    expect(notice.headers.get('auto-submitted')).toBe('auto-replied');
    expect(notice.text).toMatch(/Votre message « Mes justificatifs » est trop volumineux .* nous ne l’avons pas reçu\./);
    const sent = await world.read(CENTRE, messageId, 'Sent');
    expect(sent.map((copy) => copy.flags.has('\\Seen'))).toEqual([true]);
  });

  it('tells no machine, not our own address, and one person at most the daily limit (3) of times', async () => {
    await world.send(holiday, { subject: 'Absent du bureau', text: scans, headers: { 'Auto-Submitted': 'auto-replied' } });
    await world.send({ ...CENTRE, name: 'Centre' }, { subject: 'Catalogue', text: scans });
    for (const n of [1, 2, 3]) await world.send(marc, { subject: `Photos ${n}`, text: scans });
    // Three new cases today, three acknowledgements: the limit is shared, so no notice on top.
    for (const n of [1, 2, 3]) await world.send(chloe, { subject: `Question ${n}`, text: 'Une courte question.' });
    await world.send(chloe, { subject: 'Mes photos', text: scans });
    await expect.poll(quarantined, { timeout: 20_000 }).toBe(7);
    // The notices leave one after the other: once Nora's next one is in, the others would be too.
    await world.send(nora, { subject: 'Mes justificatifs, encore', text: scans });
    await expect.poll(() => noticesTo(nora.user).length, { timeout: 20_000 }).toBe(2);

    expect(noticesTo(holiday.user)).toEqual([]);
    expect(noticesTo(CENTRE.user)).toEqual([]);
    expect(noticesTo(chloe.user)).toEqual([]);
    expect(noticesTo(marc.user)).toHaveLength(3);
    for (const n of [4, 5]) await world.send(marc, { subject: `Photos ${n}`, text: scans });
    await expect.poll(quarantined, { timeout: 20_000 }).toBe(10);
    await world.send(nora, { subject: 'Mes justificatifs, la fin', text: scans });
    await expect.poll(() => noticesTo(nora.user).length, { timeout: 20_000 }).toBe(3);
    expect(noticesTo(marc.user)).toHaveLength(3);
  });
});
