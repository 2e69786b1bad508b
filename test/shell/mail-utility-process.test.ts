import { EventEmitter } from 'node:events';
import type { utilityProcess } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { forkMailUtilityProcess } from '../../electron/shell/mail-utility-process';

vi.mock('electron', () => ({ utilityProcess: { fork: () => undefined } }));

class FakeUtilityProcess extends EventEmitter {
  postMessage = vi.fn();
  kill = vi.fn(() => true);
}

describe('forkMailUtilityProcess', () => {
  it('forks the mail entry with the data folder and migrations, and speaks to it through postMessage', () => {
    const forked = new FakeUtilityProcess();
    const fork = vi.fn(() => forked);
    const child = forkMailUtilityProcess(
      { mailProcess: '/app.asar/dist/electron/mail-process.cjs', dataDir: '/data', migrations: '/res/drizzle' },
      fork as unknown as typeof utilityProcess.fork,
    );
    expect(fork).toHaveBeenCalledWith(
      '/app.asar/dist/electron/mail-process.cjs',
      ['--data-dir', '/data', '--migrations', '/res/drizzle'],
      expect.objectContaining({ serviceName: expect.any(String) }),
    );

    child.send({ type: 'stop' });
    expect(forked.postMessage).toHaveBeenCalledWith({ type: 'stop' });
    const messages: unknown[] = [];
    const exits: Array<number | null> = [];
    child.onMessage((message) => messages.push(message));
    child.onExit((code) => exits.push(code));
    forked.emit('message', { type: 'ready' });
    forked.emit('exit', 3);
    expect(messages).toEqual([{ type: 'ready' }]);
    expect(exits).toEqual([3]);
    child.kill();
    expect(forked.kill).toHaveBeenCalledOnce();
  });
});
