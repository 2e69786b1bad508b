import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const jeanne = customer('jeanne', 'Jeanne Moreau');

let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([jeanne]);
});
afterAll(async () => {
  await world?.stop();
});

describe('a customer writes three mails, one answering another', () => {
  it('opens two cases for the same contact, with the answer in the thread of the first, in order', async () => {
    const order = await world.send(jeanne, { subject: 'Commande 1042 non livrée', text: 'Ma commande 1042 n’est pas arrivée.' });
    const address = await world.send(jeanne, { subject: 'Changement d’adresse', text: 'J’ai déménagé au 3 rue des Lilas.' });
    const followUp = await world.send(jeanne, {
      subject: 'Re: Commande 1042 non livrée',
      text: 'Toujours rien reçu ce matin.',
      inReplyTo: order,
      references: [order],
    });

    const [orderCase, addressCase, followUpCase] = [await world.caseOf(order), await world.caseOf(address), await world.caseOf(followUp)];
    expect(followUpCase).toBe(orderCase);
    expect(addressCase).not.toBe(orderCase);

    const first = await world.agent.cases.get({ caseId: orderCase });
    const second = await world.agent.cases.get({ caseId: addressCase });
    expect(first.contact).toMatchObject({ email: jeanne.user, firstName: 'Jeanne', lastName: 'Moreau' });
    expect(second.contact.id).toBe(first.contact.id);
    expect([first.state, second.state]).toEqual(['todo', 'todo']);
    const incoming = first.messages.filter((m) => m.direction === 'in');
    expect(incoming.map((m) => [m.subject, m.attachReason])).toEqual([
      ['Commande 1042 non livrée', 'new_case'],
      ['Re: Commande 1042 non livrée', 'in_reply_to'],
    ]);
    expect(incoming.map((m) => m.text?.trim())).toEqual(['Ma commande 1042 n’est pas arrivée.', 'Toujours rien reçu ce matin.']);
    // Received in that order: the answer comes after what it answers.
    expect(incoming[0]!.date <= incoming[1]!.date).toBe(true);
  });

  it('acknowledges each new case once, threaded under the mail, from the null sender', async () => {
    const question = await world.send(jeanne, { subject: 'Retour d’un article', text: 'Comment retourner un article ?' });
    const caseId = await world.caseOf(question);
    const [acknowledgement, ...others] = await world.sentFor(caseId, 1);
    expect(others).toEqual([]);
    expect(acknowledgement?.kind).toBe('acknowledgement');

    const [received, ...duplicates] = await world.read(jeanne, acknowledgement!.messageId);
    expect(duplicates).toEqual([]);
    expect(received?.parsed.inReplyTo).toBe(question);
    expect(received?.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    const accepted = world.rig.smtp.accepted.find((m) => m.raw.includes(acknowledgement!.messageId));
    expect(accepted?.from).toBe('');
  });
});
