import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDovecot, startFaultProxy, type DovecotInstance, type FaultProxy } from '../../../rig';
import { openMailCentre, type MailCentre } from './support/mail-centre';
import { supervise, type Supervised } from './support/supervised';
import { testMessage, type MailUser } from './support/test-messages';

const account = (name: string): MailUser => ({ user: `${name}@test.local`, password: `${name}-secret` });
const IDLE = account('idle');
const RESTART = account('restart');
const WRONG = account('wrong');
const SILENT = account('silent');
const POLL = account('poll');
const STOP = account('stop');
const KEEPALIVE = account('keepalive');

let dovecot: DovecotInstance;
let centre: MailCentre;
let proxy: FaultProxy | undefined;
const running: Supervised[] = [];

beforeAll(async () => {
  dovecot = await startDovecot({ users: [IDLE, RESTART, WRONG, SILENT, POLL, STOP, KEEPALIVE] });
  centre = openMailCentre();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map(({ supervisor }) => supervisor.stop()));
  await proxy?.close();
  proxy = undefined;
});

afterAll(async () => {
  centre?.dispose();
  await dovecot?.stop();
});

/** Generous: a loaded 2-core machine may take seconds where an idle one takes milliseconds. */
const eventually = { timeout: 25_000, interval: 50 };

async function started(...args: Parameters<typeof supervise>): Promise<Supervised> {
  const supervised = await supervise(...args);
  running.push(supervised);
  return supervised;
}

const subjects = (supervised: Supervised) => centre.filed(supervised.mailbox.id).map((row) => row.subject);
const waitForIdle = (supervised: Supervised, passes = 1) =>
  vi.waitFor(() => expect(supervised.phases().filter((phase) => phase === 'idle').length).toBeGreaterThanOrEqual(passes), eventually);

describe('ImapSupervisor', () => {
  it('syncs at connection, then files mail that arrives during IDLE without being asked', async () => {
    await dovecot.deliver(IDLE.user, testMessage('idle', 1));
    const supervised = await started(centre, dovecot, IDLE);
    await waitForIdle(supervised);
    expect(subjects(supervised)).toEqual(['idle message 1']);
    expect(supervised.statuses[0]).toEqual({ mailboxId: supervised.mailbox.id, phase: 'connecting', lastSuccessAt: null });
    expect(supervised.statuses).toContainEqual(expect.objectContaining({ phase: 'syncing', done: 1, total: 1 }));
    expect(supervised.statuses.at(-1)).toEqual({ mailboxId: supervised.mailbox.id, phase: 'idle', lastSuccessAt: centre.clock.now().toISOString() });

    await dovecot.deliver(IDLE.user, testMessage('idle', 2));
    await vi.waitFor(() => expect(subjects(supervised)).toEqual(['idle message 1', 'idle message 2']), eventually);
    expect(supervised.phases().filter((phase) => phase === 'connecting')).toHaveLength(1);
  }, 60_000);

  it('reconnects after Dovecot restarts during IDLE and files what arrived meanwhile', async () => {
    // The reconnection waits at this gate, so that the mail surely arrives while disconnected.
    let reconnecting = false;
    let openGate = () => undefined as void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const supervised = await started(centre, dovecot, RESTART, {
      wait: async () => {
        reconnecting = true;
        await gate;
      },
    });
    await waitForIdle(supervised);

    await dovecot.restart();
    await vi.waitFor(() => expect(reconnecting).toBe(true), eventually);
    await dovecot.deliver(RESTART.user, testMessage('restart', 1));
    openGate();

    await vi.waitFor(() => expect(subjects(supervised)).toEqual(['restart message 1']), eventually);
    expect(supervised.phases().filter((phase) => phase === 'connecting')).toHaveLength(2);
    expect(supervised.phases().at(-1)).toBe('idle');
  }, 60_000);

  it('drops a connection that went silent and reconnects', async () => {
    proxy = await startFaultProxy(dovecot.imapPort);
    const supervised = await started(centre, dovecot, SILENT, {
      row: { imapPort: proxy.port },
      timing: { maxIdleMs: 400, silenceGraceMs: 1_000 },
    });
    await waitForIdle(supervised);

    proxy.freezeOpen();
    await dovecot.deliver(SILENT.user, testMessage('silent', 1));

    await vi.waitFor(() => expect(subjects(supervised)).toEqual(['silent message 1']), eventually);
    expect(supervised.statuses).toContainEqual(expect.objectContaining({ phase: 'error', message: expect.stringMatching(/ne répond plus/) }));
    expect(proxy.accepted.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('goes back to IDLE after imapflow breaks a quiet one with a keep-alive NOOP', async () => {
    // IDLE would last a minute and the watchdog wait longer: only a resumed IDLE hears the mail.
    const supervised = await started(centre, dovecot, KEEPALIVE, {
      timing: { maxIdleMs: 60_000, socketTimeoutMs: 500, silenceGraceMs: 60_000 },
    });
    await waitForIdle(supervised);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await dovecot.deliver(KEEPALIVE.user, testMessage('keepalive', 1));
    await vi.waitFor(() => expect(subjects(supervised)).toEqual(['keepalive message 1']), eventually);
    expect(supervised.phases().filter((phase) => phase === 'connecting')).toHaveLength(1);
  }, 60_000);

  it('polls with NOOP when it does not IDLE', async () => {
    const supervised = await started(centre, dovecot, POLL, { listen: 'poll' });
    await waitForIdle(supervised);
    await dovecot.deliver(POLL.user, testMessage('poll', 1));
    await vi.waitFor(() => expect(subjects(supervised)).toEqual(['poll message 1']), eventually);
    expect(supervised.phases().filter((phase) => phase === 'connecting')).toHaveLength(1);
  }, 60_000);

  it('stops cleanly: logs out and does not reconnect', async () => {
    const supervised = await started(centre, dovecot, STOP);
    await waitForIdle(supervised);

    await supervised.supervisor.stop();
    const seen = supervised.statuses.length;
    supervised.supervisor.syncNow();
    await dovecot.deliver(STOP.user, testMessage('stop', 1));

    await vi.waitFor(() => expect(dovecot.readLog()).toMatch(/imap\(stop@test\.local\).*Logged out/), eventually);
    expect(supervised.statuses).toHaveLength(seen);
    expect(subjects(supervised)).toEqual([]);
  }, 60_000);

  // Last: Dovecot's auth penalty slows every later login from the same address for a while.
  it('reports a refused password in French and retries with a growing backoff', async () => {
    const supervised = await started(centre, dovecot, WRONG, { password: 'pas-le-bon' });
    // Dovecot itself slows down repeated failures from one address (its auth penalty): 3 will do.
    await vi.waitFor(() => expect(supervised.phases().filter((phase) => phase === 'error').length).toBeGreaterThanOrEqual(3), eventually);
    const errors = supervised.statuses.filter((status) => status.phase === 'error');
    expect(errors.every((status) => /Authentification refusée.*mot de passe/.test(status.message ?? ''))).toBe(true);
    expect(supervised.phases()).not.toContain('idle');
    // Each error is followed by a new attempt ("connecting"), after a longer wait each time.
    expect(supervised.phases().slice(0, 6)).toEqual(['connecting', 'error', 'connecting', 'error', 'connecting', 'error']);
    const [first, , third] = supervised.delays;
    expect(third).toBeGreaterThan(first!);
    expect(Math.max(...supervised.delays)).toBeLessThanOrEqual(500);
  }, 60_000);
});
