import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../electron/core/db/schema';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const lea = customer('lea', 'Léa Fontaine');
const robot = customer('robot', 'Répondeur Automatique');

let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([lea, robot]);
});
afterAll(async () => {
  await world?.stop();
});

const outboxRows = () => world.core.db.orm.select({ n: count() }).from(outbox).get()?.n ?? 0;

describe('Répondre et clore, an out-of-office, then the customer writes again', () => {
  it('ignores the auto-reply, then reopens the case as A traiter in the closing agent’s En cours', async () => {
    const question = await world.send(lea, { subject: 'Résiliation de mon abonnement', text: 'Je souhaite résilier.' });
    const caseId = await world.caseOf(question);
    await world.sentFor(caseId, 1); // the acknowledgement
    const { agent } = world;
    const opened = await agent.cases.get({ caseId });
    const taken = await agent.cases.act({ caseId, version: opened.version, action: 'take' });
    const closed = await agent.cases.act({
      caseId,
      version: taken.version,
      action: 'reply_and_close',
      reply: { to: { address: lea.user }, html: '<p>Votre abonnement est résilié à la fin du mois.</p>' },
    });
    expect(closed.state).toBe('closed');
    const [, reply] = await world.sentFor(caseId, 2);
    const replyId = reply!.messageId;
    expect(await world.read(lea, replyId)).toHaveLength(1);

    // Her out-of-office answers our reply: filed in the thread, but the case stays closed and unanswered.
    const before = outboxRows();
    const outOfOffice = await world.send(lea, {
      subject: 'Réponse automatique : absente jusqu’au 30',
      text: 'Je suis absente, je lirai votre message à mon retour.',
      inReplyTo: replyId,
      references: [question, replyId],
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(await world.caseOf(outOfOffice)).toBe(caseId);
    expect(await agent.cases.get({ caseId })).toMatchObject({ state: 'closed', assignee: { id: world.agentId } });
    expect(outboxRows()).toBe(before);

    const again = await world.send(lea, {
      subject: `RE: Résiliation de mon abonnement [#${opened.number}]`,
      text: 'Finalement, puis-je garder mon abonnement ?',
      inReplyTo: replyId,
      references: [question, replyId],
    });
    expect(await world.caseOf(again)).toBe(caseId);
    const desk = await agent.desk.list({ desk: { kind: 'in_progress' } });
    expect(desk.rows.find((row) => row.id === caseId)).toMatchObject({ state: 'todo', assigneeId: world.agentId, unread: true });
    // A person wrote on an existing case: no acknowledgement either.
    expect(outboxRows()).toBe(before);
  });

  it('opens a case for an auto-reply that threads nowhere, and sends it no acknowledgement', async () => {
    const before = outboxRows();
    const notice = await world.send(robot, {
      subject: 'Accusé de réception automatique',
      text: 'Votre message a bien été reçu par notre système.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const caseId = await world.caseOf(notice);
    expect((await world.agent.cases.get({ caseId })).state).toBe('todo');
    // Filing and acknowledging are one transaction: once filed, an acknowledgement would be there.
    expect(outboxRows()).toBe(before);
  });
});
