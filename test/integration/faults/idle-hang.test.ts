import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../electron/core/db/schema';
import { customer } from '../mail-journeys/journey-world';
import { startFaultWorld, type FaultWorld } from './fault-world';

/**
 * An IDLE connection that dies without FIN or RST (a NAT that forgot the flow, a laptop asleep)
 * looks open forever, and IDLE never reports new mail. The watchdog must notice the silence and
 * replace the connection; the mail that came meanwhile is then filed.
 */
const ines = customer('ines', 'Inès Morel');

// IDLE restarts every second, so a live server speaks at least that often; 2 s of grace on top.
// imapflow's own socket timeout is set far away: only the watchdog can notice within the test.
const timing = { maxIdleMs: 1_000, silenceGraceMs: 2_000, socketTimeoutMs: 10 * 60_000, backoff: { baseMs: 100, capMs: 1_000 } };

let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld([ines], { timing });
});
afterAll(async () => {
  await world?.stop();
});

describe('an IDLE connection that hangs silently', () => {
  it('is dropped by the watchdog and replaced, and the mail delivered during the hang is filed once', async () => {
    await world.listening();
    const frozenAt = world.statuses.length;
    world.imap.freezeOpen();
    const during = await world.send(ines, { subject: 'Colis toujours pas livré', text: 'Envoyé pendant que la connexion ne répondait plus.' });

    const caseId = await world.caseOf(during);
    expect(world.core.db.orm.select().from(messages).where(eq(messages.messageIdHeader, during)).all()).toHaveLength(1);
    expect((await world.agent.cases.get({ caseId })).subject).toBe('Colis toujours pas livré');
    // One replacement, not a reconnection storm; and the header said why the link was dropped.
    expect(world.syncConnections(frozenAt)).toBe(1);
    expect(world.statuses.slice(frozenAt)).toContainEqual(expect.objectContaining({ phase: 'error', message: expect.stringMatching(/ne répond plus/) }));
    await world.listening();
  });
});
