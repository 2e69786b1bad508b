import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { customer, signIn, startJourneyWorld, type JourneyWorld } from './journey-world';

const lina = customer('lina', 'Lina Moreau');
const robot = customer('robot', 'Répondeur');

/** Past this a message is not downloaded. */
const limit = 20_000;

let world: JourneyWorld;
let supervisor: Api;

beforeAll(async () => {
  world = await startJourneyWorld([lina, robot], { limits: { maxMessageBytes: limit } });
  supervisor = await signIn(world.core, 'Sophie Durand');
});
afterAll(async () => {
  await world?.stop();
});

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('every message the sync does not file in a case is in the quarantine, and nowhere else', () => {
  it('files or sets aside each of a mixed delivery, with the count in the quarantine matching', async () => {
    const opened = await world.send(lina, { subject: 'Colis abîmé', text: 'Le carton était ouvert.' });
    const answered = await world.send(lina, { subject: 'RE: Colis abîmé', text: 'Photos à suivre.', inReplyTo: opened, references: [opened] });
    const away = await world.send(robot, { subject: 'Absent', text: 'Je suis absent.', headers: { 'Auto-Submitted': 'auto-replied' } });
    const huge = await world.send(lina, { subject: 'Les photos', text: 'x'.repeat(2 * limit) });
    // Our own address, answering nothing: filing it would make the centre its own contact.
    await world.send({ ...CENTRE, name: 'Centre' }, { subject: 'Note interne', text: 'À classer.' });
    // Straight into the mailbox, as a broken mailer or an import leaves them.
    await world.rig.dovecot.deliver(CENTRE.user, raw(['Subject: Sans expéditeur', 'Message-ID: <sans.exp@exemple.fr>', '', 'Qui suis-je ?', '']));
    await world.rig.dovecot.deliver(CENTRE.user, Buffer.from('\x01\x02 pas un e-mail \x03\r\n'));
    // A header block that does not even start like one, with a body too large to download.
    await world.rig.dovecot.deliver(CENTRE.user, Buffer.concat([Buffer.from('\x01junk\r\n\r\n'), Buffer.alloc(2 * limit, 0x41)]));

    const openedCase = await world.caseOf(opened);
    expect(await world.caseOf(answered)).toBe(openedCase);
    expect(await world.caseOf(away)).not.toBe(openedCase);
    const hugeCase = await world.caseOf(huge);
    expect((await supervisor.cases.get({ caseId: hugeCase })).messages[0]?.text).toMatch(/^Message trop volumineux \(\d+ Ko\)/);

    await expect.poll(async () => (await supervisor.quarantine.count()).count, { timeout: 20_000, interval: 50 }).toBe(4);
    const { entries, next } = await supervisor.quarantine.list({});
    expect(next).toBeNull();
    expect(entries.map((entry) => [entry.reason.code, entry.subject])).toEqual([
      ['unparseable', ''],
      ['unparseable', ''],
      ['no_sender', 'Sans expéditeur'],
      ['own_address', 'Note interne'],
    ]);
    expect(entries[0]?.reason.detail).toMatch(/^Message trop volumineux \(\d+ Ko\) : le contenu n’a pas été téléchargé\. Il est resté .* Source illisible/);
    // Eight delivered: four in three cases, four in quarantine, none lost, none in both.
    const incoming = async (caseId: number) => (await supervisor.cases.get({ caseId })).messages.filter((message) => message.direction === 'in').length;
    const inCases = await Promise.all([openedCase, await world.caseOf(away), hugeCase].map(incoming));
    expect(inCases).toEqual([2, 1, 1]);
  });
});
