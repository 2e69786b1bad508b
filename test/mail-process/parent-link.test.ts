import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { parentLink } from '../../electron/mail-process/parent-link';
import { remoteSecretStore } from '../../electron/mail-process/remote-secret-store';

/** The Node IPC side of parentLink runs for real in mail-process.test.ts; Electron's parentPort cannot. */
describe('the mail process’s link to main', () => {
  it('uses Electron’s parentPort when it runs as a utility process', () => {
    const port = Object.assign(new EventEmitter(), { postMessage: vi.fn() });
    const host = Object.assign(new EventEmitter(), { parentPort: port, send: vi.fn() });
    const link = parentLink(host as never);
    const received: unknown[] = [];
    link.onMessage((message) => received.push(message));

    port.emit('message', { data: { type: 'stop' }, ports: [] });
    link.send({ type: 'ready' });

    expect(received).toEqual([{ type: 'stop' }]);
    expect(port.postMessage).toHaveBeenCalledWith({ type: 'ready' });
    expect(host.send).not.toHaveBeenCalled();
  });

  it('refuses to run without a parent', () => {
    expect(() => parentLink(Object.assign(new EventEmitter(), { send: undefined }) as never)).toThrow(/child of the app/);
  });
});

describe('the mail process’s password store', () => {
  it('asks main, and gets main’s answer or refusal', async () => {
    const sent: unknown[] = [];
    const remote = remoteSecretStore((message) => sent.push(message));
    const first = remote.store.get('mailbox.a');
    const second = remote.store.get('mailbox.b');
    expect(sent).toEqual([
      { type: 'secret', id: 1, key: 'mailbox.a' },
      { type: 'secret', id: 2, key: 'mailbox.b' },
    ]);
    remote.settle({ type: 'secret.reply', id: 2, ok: false, message: 'Trousseau verrouillé.' });
    remote.settle({ type: 'secret.reply', id: 1, ok: true, value: 's3cret' });
    await expect(first).resolves.toBe('s3cret');
    await expect(second).rejects.toThrow('Trousseau verrouillé.');
  });

  it('only reads, and fails what is still waiting when main goes away', async () => {
    const remote = remoteSecretStore(() => undefined);
    await expect(remote.store.set('k', 'v')).rejects.toThrow(/ne modifie pas/);
    await expect(remote.store.delete('k')).rejects.toThrow(/ne modifie pas/);
    const waiting = remote.store.get('k');
    remote.abandon();
    await expect(waiting).rejects.toThrow(/s’est fermée/);
  });
});
