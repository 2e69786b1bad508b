import { describe, expect, it } from 'vitest';
import { parseFromMail, parseToMail } from '../../electron/mail-process/protocol';

const status = { mailboxId: 2, phase: 'syncing', done: 10, total: 40, lastSuccessAt: null };

describe('the messages between main and the mail process', () => {
  it('pass through when well formed, events with their payload as the contract parsed it', () => {
    expect(parseToMail({ type: 'event', name: 'sync.status', payload: status })).toEqual({ type: 'event', name: 'sync.status', payload: status });
    expect(parseToMail({ type: 'secret.reply', id: 3, ok: true, value: null })).toEqual({ type: 'secret.reply', id: 3, ok: true, value: null });
    expect(parseToMail({ type: 'secret.reply', id: 4, ok: false, message: 'Verrouillé.' })).toEqual({
      type: 'secret.reply',
      id: 4,
      ok: false,
      message: 'Verrouillé.',
    });
    expect(parseToMail({ type: 'stop', extra: 1 })).toEqual({ type: 'stop' });
    expect(parseFromMail({ type: 'secret', id: 1, key: 'mailbox.a', secret: 'x' })).toEqual({ type: 'secret', id: 1, key: 'mailbox.a' });
  });

  it('are dropped when malformed, unknown or sent the wrong way', () => {
    for (const message of [
      null,
      'stop',
      { type: 'shutdown' },
      { type: 'ready' }, // mail → main only
      { type: 'secret.reply', id: '3', ok: true, value: 'x' },
      { type: 'secret.reply', id: 3, ok: true, value: 42 },
      { type: 'secret.reply', id: 3, ok: false },
      { type: 'event', name: 'sync.status', payload: { ...status, phase: 'sleeping' } },
      { type: 'event', name: '__proto__', payload: {} },
    ]) {
      expect(parseToMail(message), JSON.stringify(message)).toBeNull();
    }
    for (const message of [{ type: 'stop' }, { type: 'secret', id: 1 }, { type: 'notify', title: 'a', body: 2 }]) {
      expect(parseFromMail(message), JSON.stringify(message)).toBeNull();
    }
  });
});
