import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../../electron/core/create-core';
import type { Api } from '../../../shared/contract';
import { CENTRE, centreSettings, COPY, startCentreRig, type CentreRig } from '../../core/mail/outbox/centre-rig';
import { hostedApi, startHostedProcess, type HostedProcess } from '../../host/hosted-process';
import { startFaultProxy, type FaultProxy } from '../../rig';
import { answerFrom, replyInQueue, signInAs } from './agent-actions';

/**
 * SIGTERM (a service manager, a shutdown, Ctrl-C in a terminal) must end the browser host within
 * 5 s whatever the outbox holds, leaving every reply as the next start expects it. Here a tab is
 * open, one mailbox's SMTP server refuses connections (its reply waits for a retry) and the other's
 * accepts and never answers (its reply is being sent when the signal comes), and that second
 * mailbox's IMAP connection has gone silent in the middle of its IDLE.
 */

let rig: CentreRig;
let refusing: FaultProxy;
let silent: FaultProxy;
let imapLink: FaultProxy;
let hosted: HostedProcess;
let tab: { api: Api; close(): void };
/** The two mailboxes of the test (the demo has its own, delivered on this computer). */
let mailboxIds: number[] = [];

interface OutboxRow {
  id: number;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** The host's outbox for the test's mailboxes, as its database file holds it, read without writing. */
function outboxRows(): OutboxRow[] {
  const db = new Sqlite(databaseFile(hosted.dataDir), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT id, mailbox_id AS mailboxId, status, attempts, last_error AS lastError FROM outbox ORDER BY id`).all() as Array<OutboxRow & { mailboxId: number }>;
    return rows.filter((row) => mailboxIds.includes(row.mailboxId)).map(({ mailboxId: _mailbox, ...row }) => row);
  } finally {
    db.close();
  }
}

/** One mailbox per demo queue, as the administrator sets them up, each reaching the rig through its own links. */
async function configureMailboxes(admin: Api): Promise<number[]> {
  const routes = [
    { queue: 'Service clients', account: CENTRE, imapPort: rig.dovecot.imapPort, smtpPort: refusing.port },
    { queue: 'Réclamations', account: COPY, imapPort: imapLink.port, smtpPort: silent.port },
  ];
  const ids: number[] = [];
  for (const route of routes) {
    const queue = (await admin.admin.queues()).find((q) => q.name === route.queue);
    if (!queue) throw new Error(`the demo has no "${route.queue}" queue`);
    const mailbox = await admin.mailboxes.create({
      ...centreSettings(rig, queue.id, {
        name: route.queue,
        address: route.account.user,
        imap: { host: rig.dovecot.host, port: route.imapPort, tls: 'none', user: route.account.user },
        smtp: { host: rig.smtp.host, port: route.smtpPort, tls: 'none', user: route.account.user },
      }),
      password: route.account.password,
    });
    await answerFrom(admin, route.queue, mailbox.id);
    ids.push(mailbox.id);
  }
  return ids;
}

beforeAll(async () => {
  rig = await startCentreRig();
  refusing = await startFaultProxy(rig.smtp.port);
  refusing.refuse();
  silent = await startFaultProxy(rig.smtp.port);
  silent.silence();
  imapLink = await startFaultProxy(rig.dovecot.imapPort);
  hosted = await startHostedProcess({ args: ['--demo'] });
  tab = await hostedApi(hosted);
});

afterAll(async () => {
  tab?.close();
  await hosted?.stop();
  await refusing?.close();
  await silent?.close();
  await imapLink?.close();
  await rig?.stop();
});

describe('the browser host on SIGTERM', () => {
  it('ends within 5 s with a send refused and one stuck, and leaves both replies to the next start', async () => {
    await signInAs(tab.api, 'Admin Unified');
    mailboxIds = await configureMailboxes(tab.api);
    await tab.api.session.signOut();
    await signInAs(tab.api, 'Lucas Bernard');
    // Both mailboxes listen (IDLE); then the second one's connection goes silent, as when a NAT forgets it.
    const phases = async () => (await tab.api.sync.current()).filter((m) => mailboxIds.includes(m.mailboxId)).map((m) => m.status?.phase);
    await expect.poll(phases, { timeout: 20_000, interval: 100 }).toEqual(['idle', 'idle']);
    imapLink.freezeOpen();
    await replyInQueue(tab.api, 'Service clients');
    await replyInQueue(tab.api, 'Réclamations');

    // The refused reply waits for its retry; the other is in the hands of a server that says nothing.
    const where = () => ({ rows: outboxRows().map((row) => [row.status, row.attempts]), stuck: silent.accepted.length > 0 });
    await expect.poll(where, { timeout: 20_000, interval: 100 }).toEqual({
      rows: [
        ['queued', 1],
        ['sending', 1],
      ],
      stuck: true,
    });
    const before = outboxRows();
    expect(before[0]?.lastError).toMatch(/serveur d’envoi injoignable/);

    hosted.child.kill('SIGTERM');
    const ended = await Promise.race([hosted.exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000))]);
    expect(ended, `still running 5 s after SIGTERM; it printed:\n${hosted.output()}`).toBe(true);
    expect(hosted.exit()).toEqual({ code: 0, signal: null });

    // Neither was sent nor failed: the refused one waits for its retry as it did; the stuck one was
    // cut before its message went out, and is recorded so, to be sent at the next start.
    const [refused, stuck] = outboxRows();
    expect(refused).toEqual(before[0]);
    expect(stuck).toMatchObject({ id: before[1]?.id, status: 'queued', attempts: 1 });
    expect(stuck?.lastError).toMatch(/interrompu par l’arrêt de l’application/);
    expect(rig.smtp.accepted).toHaveLength(0);
  }, 90_000);
});
