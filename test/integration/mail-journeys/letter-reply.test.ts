import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

/**
 * Issue 13 (acceptance): a courrier case, created by hand « suite à la réception d'un courrier »
 * with « Répondre et clore », is answered by e-mail from the centre's default sending mailbox, chosen
 * in « Paramètres », and the contact's mailbox receives it.
 */
const jeanne = customer('jeanne', 'Jeanne Postal');
let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([jeanne]);
});
afterAll(async () => {
  await world?.stop();
});

describe('a courrier case answered by e-mail', () => {
  it('sends its reply from the default sending mailbox into the contact’s mailbox', async () => {
    const { admin, agent } = world;
    // The administrator's screens: a letter queue for the agent, and the rig's mailbox as the default.
    await admin.admin.createQueue({ name: 'Courrier', media: 'letter', distribution: 'push', memberIds: [world.agentId] });
    await admin.admin.updateSettings({ ...(await admin.admin.settings()), defaultSendingMailboxId: world.mailboxId });

    const options = await agent.creation.options();
    const created = await agent.creation.submit({
      formId: options.forms.find((form) => form.media === 'letter')?.id as number,
      queueId: options.queues.find((queue) => queue.name === 'Courrier')?.id as number,
      contact: { lastName: 'Postal', firstName: 'Jeanne', email: jeanne.user },
      subject: 'Votre courrier du 3 mars',
      question: '<p>Courrier reçu : demande d’attestation de contrat.</p>',
      response: { html: '<p>Madame, votre attestation est jointe à ce message.</p>' },
      action: 'reply_and_close',
    });
    expect(created).toMatchObject({ state: 'closed' });

    const [reply, ...others] = await world.sentFor(created.caseId, 1);
    expect(others).toEqual([]);
    const [received, ...again] = await world.read(jeanne, reply!.messageId);
    expect(again).toEqual([]);
    expect(received?.parsed.from?.value).toEqual([{ name: 'Centre de relation clients', address: CENTRE.user }]);
    expect(received?.parsed.subject).toBe(`RE: Votre courrier du 3 mars [#${created.number}]`);
    expect(received?.parsed.text).toContain('votre attestation est jointe');
  });
});
