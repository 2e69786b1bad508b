import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../electron/core/db/schema';
import { buildMailBundle } from '../../mail-process/forked-mail-process';
import { saveMailbox, startMailCentre, type MailCentre } from '../../mail-process/mail-centre';
import { freePort, startFaultProxy, type FaultProxy } from '../../rig';
import { apiOf } from '../../support/connection-api';
import { answerFrom, replyInQueue, signInAs } from './agent-actions';

/**
 * Quitting the desktop app stops the mail process (the `stop` message): it must exit on its own,
 * having recorded the send in progress, rather than be killed by main after its stop timeout. Here
 * its mail server accepts connections and never says a word, to IMAP as to SMTP.
 */
let bundle: Awaited<ReturnType<typeof buildMailBundle>>;
let silent: FaultProxy;
let centre: MailCentre | undefined;

beforeAll(async () => {
  bundle = await buildMailBundle();
  // Silent from the first connection on: nothing is ever relayed, the target port is never used.
  silent = await startFaultProxy(await freePort());
  silent.silence();
}, 60_000);
afterAll(async () => {
  await centre?.dispose();
  await silent?.close();
  bundle?.dispose();
});

describe('the mail process on quit', () => {
  it('exits by itself within main’s stop timeout while a send hangs, the reply recorded for the next start', async () => {
    centre = startMailCentre(bundle.file, {}, { stopTimeoutMs: 5_000 });
    const ready = centre.nextReady();
    centre.supervisor.start();
    const child = await ready;
    const mailbox = await saveMailbox(centre.core, { port: silent.port, tls: 'none', user: 'centre@test.local' }, 'centre-secret');

    // In a window of main, the administrator makes the queue answer from it, then an agent answers a
    // case: the mail process picks the reply up and gets stuck sending it.
    const connection = centre.core.connect();
    const agent = apiOf(connection);
    await signInAs(agent, 'Admin Unified');
    await answerFrom(agent, 'Service clients', mailbox.id);
    await agent.session.signOut();
    await signInAs(agent, 'Camille Martin');
    const caseId = await replyInQueue(agent, 'Service clients');
    const row = () => centre!.core.db.orm.select().from(outbox).where(eq(outbox.caseId, caseId)).get();
    // Two silent connections: the sync's IMAP one, then the outbox's SMTP one.
    await expect.poll(() => silent.accepted.length >= 2 && row()?.status === 'sending', { timeout: 20_000, interval: 100 }).toBe(true);

    await centre.supervisor.stop();

    expect({ code: child.process.exitCode, signal: child.process.signalCode }).toEqual({ code: 0, signal: null });
    expect(row()).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(row()?.lastError).toMatch(/interrompu par l’arrêt de l’application/);
    connection.close();
  }, 60_000);
});
