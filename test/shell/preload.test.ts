import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobal, type Transport } from '../../shared/contract';
import { ipcChannels } from '../../electron/shell/ipc-channels';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (_channel: string, name: string) => ({ ok: true, data: { from: name } })),
    send: vi.fn(),
    sendSync: vi.fn(),
  });
  return { contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer };
});

const ipc = ipcRenderer as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn>; send: ReturnType<typeof vi.fn> };

// Loading the preload is what exposes the bridge, as in the sandboxed renderer.
await import('../../electron/shell/preload');
const exposed = vi.mocked(contextBridge.exposeInMainWorld).mock.calls;
const bridge = exposed[0]![1] as Transport;

beforeEach(() => {
  ipc.invoke.mockClear();
  ipc.removeAllListeners();
});

describe('the preload', () => {
  it('exposes exactly one global, with exactly invoke and subscribe, and no Electron object', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe(bridgeGlobal);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
    }
  });

  it('sends a contract call on the call channel and returns the main process envelope', async () => {
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({ ok: true, data: { from: 'app.info' } });
    expect(ipc.invoke).toHaveBeenCalledWith(ipcChannels.call, 'app.info', {});
  });

  it('answers unknown_call to a name outside the contract, without touching IPC', async () => {
    for (const name of ['fs.readFile', 'app.info.extra', '__proto__', 'constructor', '', 42, null]) {
      const envelope = await bridge.invoke(name as never, {});
      expect(envelope, String(name)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
    expect(ipc.send).not.toHaveBeenCalled();
  });

  it('turns a failed invoke (no handler, uncloneable input) into an unavailable envelope', async () => {
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'unified:call'"));
    await expect(bridge.invoke('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('forwards only contract events, without the IPC event object, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.subscribe(listener);
    const payload = { mailboxId: 2, phase: 'syncing', done: 1, total: 3, lastSuccessAt: null };
    ipc.emit(ipcChannels.event, { sender: ipcRenderer }, 'sync.status', payload);
    ipc.emit(ipcChannels.event, { sender: ipcRenderer }, 'shell.exec', { cmd: 'calc' });
    ipc.emit(ipcChannels.event, { sender: ipcRenderer }, 'toString', {});
    ipc.emit('another-channel', { sender: ipcRenderer }, 'sync.status', payload);
    expect(listener.mock.calls).toEqual([['sync.status', payload]]);

    unsubscribe();
    expect(ipc.listenerCount(ipcChannels.event)).toBe(0);
    ipc.emit(ipcChannels.event, {}, 'sync.status', payload);
    expect(listener).toHaveBeenCalledOnce();
    unsubscribe(); // twice is harmless
  });

  it('keeps subscribers independent', () => {
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.subscribe(first);
    bridge.subscribe(second);
    offFirst();
    ipc.emit(ipcChannels.event, {}, 'case.changed', { caseId: 1 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('case.changed', { caseId: 1 });
  });
});
