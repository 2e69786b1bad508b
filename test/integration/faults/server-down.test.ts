import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../electron/core/db/schema';
import { customer } from '../mail-journeys/journey-world';
import { startFaultWorld, type FaultWorld } from './fault-world';

/**
 * The mail server goes down (both IMAP and SMTP refuse connections) for a while, then comes back.
 * The policies are those of the product compressed about 8 times in time, so minutes of outage
 * pass in seconds: IMAP backoff from 250 ms up to 4 s (the product: 1 s up to a minute), outbox
 * retries from 250 ms up to 4 s (the product: 30 s up to 30 min).
 * The app must try less and less often (no tight loop), then catch up once the server is back:
 * the mail that came meanwhile filed, the reply written meanwhile delivered once.
 */
const sarah = customer('sarah', 'Sarah Benali');
const policy = { baseMs: 250, capMs: 4_000 };

let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld([sarah], {
    timing: { backoff: policy },
    outbox: { retry: { baseDelayMs: policy.baseMs, maxDelayMs: policy.capMs, maxAttempts: 30 }, pollMs: 100 },
  });
});
afterAll(async () => {
  await world?.stop();
});

const gaps = (times: readonly number[]) => times.slice(1).map((at, i) => at - times[i]!);

/** Attempts that grow apart: never closer than the policy's floor (half its base), the last ones far apart. */
function expectBackoff(attempts: readonly number[]): void {
  const between = gaps(attempts);
  expect(Math.min(...between), `gaps ${between.join(', ')} ms`).toBeGreaterThanOrEqual(policy.baseMs / 2);
  expect(between.at(-1)!, `gaps ${between.join(', ')} ms`).toBeGreaterThan(between[0]!);
  expect(between.at(-2)!, `gaps ${between.join(', ')} ms`).toBeGreaterThan(between[0]!);
}

describe('a mail server down for a long while', () => {
  it('is retried less and less often, then everything catches up once it is back', async () => {
    const first = await world.send(sarah, { subject: 'Abonnement', text: 'Je voudrais changer de formule.' });
    const caseId = await world.caseOf(first);
    await world.sentFor(caseId, 1);
    await world.listening();
    const { agent } = world;
    const opened = await agent.cases.get({ caseId });
    const taken = await agent.cases.act({ caseId, version: opened.version, action: 'take' });

    const downAt = world.statuses.length;
    const imapFrom = world.imap.accepted.length;
    const smtpFrom = world.smtp.accepted.length;
    world.imap.refuse();
    world.smtp.refuse();
    // While it is down: the customer writes again, the agent answers the first mail.
    const during = await world.send(sarah, { subject: 'Résiliation', text: 'Finalement je préfère résilier.' });
    await agent.cases.act({
      caseId,
      version: taken.version,
      action: 'reply_and_wait',
      reply: { to: { address: sarah.user }, html: '<p>Bonjour Sarah, voici les formules possibles.</p>' },
    });
    const imapTries = () => world.imap.accepted.slice(imapFrom);
    const smtpTries = () => world.smtp.accepted.slice(smtpFrom);
    await expect.poll(() => imapTries().length >= 5 && smtpTries().length >= 5, { timeout: 30_000, interval: 100 }).toBe(true);
    const [imapRefused, smtpRefused] = [imapTries(), smtpTries()];
    world.imap.pass();
    world.smtp.pass();
    expectBackoff(imapRefused);
    expectBackoff(smtpRefused);
    expect(world.statuses.slice(downAt)).toContainEqual(expect.objectContaining({ phase: 'error' }));

    // Back: the mail of the outage is filed (and acknowledged), the reply leaves once.
    const newCase = await world.caseOf(during);
    await world.sentFor(newCase, 1);
    const [, reply] = await world.sentFor(caseId, 2);
    const replyId = reply!.messageId;
    expect(await world.read(sarah, replyId)).toHaveLength(1);
    const row = world.core.db.orm.select().from(outbox).where(eq(outbox.messageIdHeader, replyId)).get();
    // Every refused connection was one attempt of this reply; the next one delivered it.
    expect(row).toMatchObject({ status: 'sent', attempts: smtpRefused.length + 1 });
    await world.listening();
  }, 60_000);
});
