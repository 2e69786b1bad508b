import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../electron/core/db/schema';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { customer } from '../mail-journeys/journey-world';
import { startFaultWorld, type FaultWorld } from './fault-world';

/**
 * The SMTP connection dies after the whole reply was written and before the server's answer
 * reached us: the server took it (and delivered it), we cannot know. Its Sent folder can: this
 * server files submitted mail there itself, as Gmail and Exchange do. The reply must reach the
 * customer once, never twice.
 */
const marc = customer('marc', 'Marc Petit');

let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld([marc], { outbox: { retry: { baseDelayMs: 200, maxDelayMs: 1_000, random: () => 0.5 }, pollMs: 100 } }, { smtp: { fileInSent: true } });
});
afterAll(async () => {
  await world?.stop();
});

describe('an SMTP connection cut after DATA, before the server’s reply', () => {
  it('is resolved through the Sent folder: the customer receives the reply once', async () => {
    const question = await world.send(marc, { subject: 'Remboursement', text: 'Où en est mon remboursement ?' });
    const caseId = await world.caseOf(question);
    await world.sentFor(caseId, 1); // the acknowledgement, before the network misbehaves

    // The server gets the final dot and accepts the reply; its "250" never comes back.
    world.smtp.resetWhen({ from: 'client', pattern: '\r\n.\r\n', cut: 'before_reply' });
    const { agent } = world;
    const opened = await agent.cases.get({ caseId });
    const taken = await agent.cases.act({ caseId, version: opened.version, action: 'take' });
    await agent.cases.act({
      caseId,
      version: taken.version,
      action: 'reply_and_wait',
      reply: { to: { address: marc.user }, html: '<p>Bonjour Marc, votre remboursement part demain.</p>' },
    });

    await world.smtp.triggered();
    const [, reply] = await world.sentFor(caseId, 2);
    const replyId = reply!.messageId;
    const row = world.core.db.orm.select().from(outbox).where(eq(outbox.messageIdHeader, replyId)).get();
    // Two claims: the one cut short, then the one that found it in Sent and did not send again.
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(world.rig.smtp.accepted.filter((message) => message.raw.includes(replyId))).toHaveLength(1);
    expect(await world.read(marc, replyId)).toHaveLength(1);
    expect(await world.read(CENTRE, replyId, 'Sent')).toHaveLength(1);
    expect(world.smtp.resets).toBe(1);
  });
});
