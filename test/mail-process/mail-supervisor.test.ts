import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../electron/core/event-bus';
import { memorySecretStore, type SecretStore } from '../../electron/core/ports';
import { createMailSupervisor, defaultRestartDelay, type MailChild } from '../../electron/mail-process/mail-supervisor';
import type { ToMail } from '../../electron/mail-process/protocol';

/**
 * The supervisor's own decisions, with a stand-in child driven message by message (the real forked
 * mail process is in mail-process.test.ts): what crosses the link, in which direction, and when.
 */
class StandInChild extends EventEmitter implements MailChild {
  readonly sent: ToMail[] = [];
  send = (message: ToMail) => void this.sent.push(message);
  onMessage = (listener: (message: unknown) => void) => void this.on('message', listener);
  onExit = (listener: (code: number | null) => void) => void this.on('exit', listener);
  kill = vi.fn(() => void this.emit('exit', null));
  say = (message: unknown) => void this.emit('message', message);
}

function supervise(options: { secrets?: SecretStore; stopTimeoutMs?: number; restartDelayMs?: (attempt: number) => number } = {}) {
  const children: StandInChild[] = [];
  const events = new EventBus();
  const heard: Array<[string, unknown]> = [];
  events.subscribe((name, payload) => heard.push([name, payload]));
  const notifier = { notify: vi.fn() };
  const supervisor = createMailSupervisor({
    spawn: () => {
      const child = new StandInChild();
      children.push(child);
      return child;
    },
    events,
    secrets: options.secrets ?? memorySecretStore(),
    notifier,
    restartDelayMs: options.restartDelayMs ?? (() => 0),
    log: () => undefined,
    ...(options.stopTimeoutMs === undefined ? {} : { stopTimeoutMs: options.stopTimeoutMs }),
  });
  supervisor.start();
  return { supervisor, children, events, heard, notifier, child: () => children.at(-1)! };
}

const caseChanged = { caseId: 7, version: 2, state: 'todo' as const, assigneeId: null, queueId: 1 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the mail supervisor', () => {
  it('puts the child’s events on main’s bus and main’s on the child’s, never echoing one back', () => {
    const { child, events, heard } = supervise();
    child().say({ type: 'event', name: 'case.changed', payload: caseChanged });
    expect(heard).toEqual([['case.changed', caseChanged]]);
    expect(child().sent).toEqual([]);

    events.emit('case.changed', { ...caseChanged, version: 3 });
    expect(child().sent).toEqual([{ type: 'event', name: 'case.changed', payload: { ...caseChanged, version: 3 } }]);
  });

  it('drops what the contract refuses: an unknown event, a malformed payload, an unknown message', () => {
    const { child, heard, notifier } = supervise();
    child().say({ type: 'event', name: 'case.deleted', payload: caseChanged });
    child().say({ type: 'event', name: 'case.changed', payload: { ...caseChanged, state: 'perdu' } });
    child().say({ type: 'notify', title: 'sans corps' });
    child().say('ready');
    expect(heard).toEqual([]);
    expect(notifier.notify).not.toHaveBeenCalled();
  });

  it('answers a password request from main’s store, and passes the store’s refusal on', async () => {
    const secrets = memorySecretStore();
    await secrets.set('mailbox.centre', 's3cret');
    const { child } = supervise({ secrets });
    child().say({ type: 'secret', id: 1, key: 'mailbox.centre' });
    child().say({ type: 'secret', id: 2, key: 'mailbox.inconnue' });
    await settle();
    expect(child().sent).toEqual([
      { type: 'secret.reply', id: 1, ok: true, value: 's3cret' },
      { type: 'secret.reply', id: 2, ok: true, value: null },
    ]);

    const locked = { ...secrets, get: () => Promise.reject(new Error('Le trousseau du système est verrouillé.')) };
    const second = supervise({ secrets: locked });
    second.child().say({ type: 'secret', id: 9, key: 'mailbox.centre' });
    await settle();
    expect(second.child().sent).toEqual([{ type: 'secret.reply', id: 9, ok: false, message: 'Le trousseau du système est verrouillé.' }]);
  });

  it('shows the child’s notifications with main’s notifier', () => {
    const { child, notifier } = supervise();
    child().say({ type: 'notify', title: 'Réponse non envoyée', body: 'Dossier n° 7' });
    expect(notifier.notify).toHaveBeenCalledWith('Réponse non envoyée', 'Dossier n° 7');
  });

  it('restarts a child that dies, waiting longer after each crash in a row', async () => {
    const attempts: number[] = [];
    const { children } = supervise({ restartDelayMs: (attempt) => (attempts.push(attempt), 0) });
    for (let crash = 0; crash < 3; crash++) {
      children.at(-1)!.emit('exit', 1);
      await vi.waitFor(() => expect(children).toHaveLength(crash + 2));
    }
    expect(attempts).toEqual([0, 1, 2]);
    expect([0, 1, 2, 6, 10].map(defaultRestartDelay)).toEqual([1_000, 2_000, 4_000, 60_000, 60_000]);
  });

  it('tries again later when the process cannot even be started', async () => {
    let refusals = 1;
    const started: StandInChild[] = [];
    const supervisor = createMailSupervisor({
      spawn: () => {
        if (refusals-- > 0) throw new Error('spawn EAGAIN');
        const child = new StandInChild();
        started.push(child);
        return child;
      },
      events: new EventBus(),
      secrets: memorySecretStore(),
      notifier: { notify: () => undefined },
      restartDelayMs: () => 0,
      log: () => undefined,
    });
    supervisor.start();
    await vi.waitFor(() => expect(started).toHaveLength(1));
  });

  it('on stop: asks the child to stop, waits for its exit, and starts no other', async () => {
    const { supervisor, child, children } = supervise();
    const stopped = supervisor.stop();
    expect(child().sent).toEqual([{ type: 'stop' }]);
    let done = false;
    void stopped.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    child().emit('exit', 0);
    await stopped;
    await settle();
    expect(children).toHaveLength(1);
    expect(child().kill).not.toHaveBeenCalled();
  });

  it('kills a child that does not stop in time, so that quitting never hangs', async () => {
    const { supervisor, child } = supervise({ stopTimeoutMs: 5 });
    await supervisor.stop();
    expect(child().kill).toHaveBeenCalledOnce();
  });
});
