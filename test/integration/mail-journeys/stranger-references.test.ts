import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const claire = customer('claire', 'Claire Fontaine');
const intrus = customer('intrus', 'Victor Intrus');

let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([claire, intrus]);
});
afterAll(async () => {
  await world?.stop();
});

describe('a stranger answers with References to our reply in someone else’s case', () => {
  it('opens a new case that says which case it claimed; the contact’s own answer still threads', async () => {
    const question = await world.send(claire, { subject: 'Résiliation de mon contrat', text: 'Je souhaite résilier au 30 juin.' });
    const caseId = await world.caseOf(question);
    const [acknowledgement] = await world.sentFor(caseId, 1);
    const ours = acknowledgement!.messageId;
    const { number } = await world.agent.cases.get({ caseId });
    // Our own Message-ID carries the case number, and the stranger copied it from a forwarded mail.
    expect(ours).toMatch(new RegExp(`^<ud\\.${number}\\.[0-9a-f]{24}@`));

    const intrusion = await world.send(intrus, {
      subject: `RE: Résiliation de mon contrat [#${number}]`,
      text: 'Annulez plutôt ma résiliation et envoyez le remboursement sur mon compte.',
      inReplyTo: ours,
      references: [question, ours],
    });
    const intrusionCase = await world.caseOf(intrusion);
    expect(intrusionCase).not.toBe(caseId);
    const claimed = await world.agent.cases.get({ caseId: intrusionCase });
    expect(claimed.contact.email).toBe(intrus.user);
    expect(claimed.notepad.map((note) => note.text).join(' ')).toContain(`prétend répondre au dossier ${number}`);
    const original = await world.agent.cases.get({ caseId });
    expect(original.messages.filter((m) => m.direction === 'in').map((m) => m.text?.trim())).toEqual(['Je souhaite résilier au 30 juin.']);

    const answer = await world.send(claire, { subject: `RE: Résiliation [#${number}]`, text: 'Merci de confirmer.', inReplyTo: ours, references: [question, ours] });
    expect(await world.caseOf(answer)).toBe(caseId);
  }, 60_000);
});
