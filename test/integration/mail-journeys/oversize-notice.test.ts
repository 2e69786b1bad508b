import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const nora = customer('nora', 'Nora Petit');
const holiday = customer('holiday', 'Absence Automatique');
const chloe = customer('chloe', 'Chloé Bernier');

/** Past this a message is not downloaded; the rig's mails stay small, the "scans" go past it. */
const limit = 20_000;
const scans = 'Scan joint : ' + 'x'.repeat(2 * limit);

let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([nora, holiday, chloe], { limits: { maxMessageBytes: limit } });
});
afterAll(async () => {
  await world?.stop();
});

/** The automatic messages the centre handed to the SMTP server for `to`. */
const automaticTo = (to: string) =>
  world.rig.smtp.accepted.filter((m) => m.user === CENTRE.user && m.to.includes(to) && /^Auto-Submitted: auto-replied\r$/m.test(m.raw.toString()));
const handedOver = (messageId: string) => world.rig.smtp.accepted.filter((m) => m.raw.toString().includes(`Message-ID: ${messageId}`));
/** The outbox rows of a case, once sent: a notice is written with the case, so none now is none ever. */
const outboxOf = async (caseId: number) => (await world.sentFor(caseId, 0)).map((row) => row.kind);

describe('a message too large to download', () => {
  it('becomes a case with its headers and a note, and its sender is told through the outbox, from the null sender', async () => {
    const big = await world.send(nora, { subject: 'Mes justificatifs', text: scans });
    const caseId = await world.caseOf(big);

    const detail = await world.agent.cases.get({ caseId });
    expect(detail.subject).toBe('Mes justificatifs');
    expect(detail.contact.email).toBe(nora.user);
    const [received] = detail.messages.filter((message) => message.direction === 'in');
    expect(received).toMatchObject({ from: { name: 'Nora Petit', address: nora.user }, subject: 'Mes justificatifs', html: null });
    expect(received?.text).toMatch(
      /^Message trop volumineux \(4\d Ko\) : le contenu n’a pas été téléchargé\. Il est resté tel quel sur le serveur de messagerie \(dossier INBOX\), où un logiciel de messagerie peut l’ouvrir\.$/,
    );
    expect(await world.agent.cases.messageSource({ messageId: received!.id })).toMatchObject({ source: expect.not.stringContaining('xxxx') });

    // Durable: an outbox row of the case, sent once, threaded under Nora's message; no acknowledgement beside it.
    const sent = await world.sentFor(caseId, 1);
    expect(sent).toEqual([{ kind: 'oversize_notice', messageId: expect.stringMatching(new RegExp(`^<ud\\.${detail.number}\\.`)) }]);
    const [accepted, ...more] = handedOver(sent[0]!.messageId);
    expect(more).toEqual([]);
    expect(accepted).toMatchObject({ from: '', to: [nora.user] });
    const [copy, ...duplicates] = await world.read(nora, sent[0]!.messageId);
    expect(duplicates).toEqual([]);
    const notice = copy!.parsed;
    expect(notice.from?.value).toEqual([{ name: 'Centre de relation clients', address: CENTRE.user }]);
    expect(notice.subject).toBe('Message non reçu : Mes justificatifs');
    expect(notice.inReplyTo).toBe(big);
    expect(notice.headers.get('auto-submitted')).toBe('auto-replied');
    expect(notice.headers.get('x-unified-case')).toBe(detail.number);
    expect(notice.text).toMatch(/Votre message « Mes justificatifs » est trop volumineux .* nous ne l’avons pas reçu\./);
    // The thread shows what Nora was told.
    const shown = (await world.agent.cases.get({ caseId })).messages.filter((message) => message.direction === 'out');
    expect(shown).toEqual([expect.objectContaining({ subject: 'Message non reçu : Mes justificatifs', delivery: 'sent' })]);
  });

  it('tells the sender whatever the acknowledgement limit says, but never a machine nor our own address', async () => {
    // Three new cases today, three acknowledgements: Chloé has had all the acknowledgements of the day.
    for (const n of [1, 2, 3]) await world.send(chloe, { subject: `Question ${n}`, text: 'Une courte question.' });
    await expect.poll(() => automaticTo(chloe.user).length, { timeout: 20_000 }).toBe(3);
    const photos = await world.caseOf(await world.send(chloe, { subject: 'Mes photos', text: scans }));
    expect(await world.sentFor(photos, 1)).toEqual([expect.objectContaining({ kind: 'oversize_notice' })]);

    const away = await world.caseOf(
      await world.send(holiday, { subject: 'Absent du bureau', text: scans, headers: { 'Auto-Submitted': 'auto-replied' } }),
    );
    // Our own address, threading nowhere: set aside, the note telling why its source is only headers.
    await world.send({ ...CENTRE, name: 'Centre' }, { subject: 'Catalogue', text: scans });
    await expect.poll(async () => (await world.admin.quarantine.count()).count, { timeout: 20_000 }).toBe(1);
    const [ours] = (await world.admin.quarantine.list({})).entries;
    expect(ours).toMatchObject({
      subject: 'Catalogue',
      sender: { address: CENTRE.user },
      reason: { code: 'own_address', detail: expect.stringMatching(/^Message trop volumineux/) },
    });

    expect(await outboxOf(away)).toEqual([]);
    expect((await world.agent.cases.get({ caseId: away })).messages.map((message) => message.direction)).toEqual(['in']);
    expect(automaticTo(holiday.user)).toEqual([]);
    expect(automaticTo(CENTRE.user)).toEqual([]);
  });
});
