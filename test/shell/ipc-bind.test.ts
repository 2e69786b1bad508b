import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { frameTooLarge, maxFrameBytes, type Envelope } from '../../shared/contract';
import type { Connection, Core } from '../../electron/core/create-core';
import type { EventListener } from '../../electron/core/event-bus';
import { bindIpc } from '../../electron/shell/ipc-bind';
import { ipcChannels } from '../../electron/shell/ipc-channels';
import { isTrustedSender } from '../../electron/shell/sender-check';
import { FakeWebContents, fakeFrame, type FakeFrame } from './fake-electron';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>;

/** A core stand-in that records its connections; the real core is exercised in ipc-real-core.test.ts. */
function fakeCore() {
  const connections: Array<Connection & { listeners: Set<EventListener>; closed: boolean; calls: unknown[][] }> = [];
  const core: Pick<Core, 'connect'> = {
    connect: () => {
      const listeners = new Set<EventListener>();
      const connection = {
        listeners,
        closed: false,
        calls: [] as unknown[][],
        call: vi.fn(async (name: unknown, input: unknown): Promise<Envelope<unknown>> => {
          connection.calls.push([name, input]);
          if (name === 'boom') throw new Error('database is locked');
          return { ok: true, data: { echoed: name } };
        }),
        onEvent: (listener: EventListener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        close: () => void (connection.closed = true),
      };
      connections.push(connection);
      return connection;
    },
  };
  return { core, connections };
}

function rig() {
  let handler: Handler | undefined;
  const ipcMain = {
    handle: vi.fn((channel: string, fn: Handler) => {
      expect(channel).toBe(ipcChannels.call);
      handler = fn;
    }),
    removeHandler: vi.fn(),
  };
  const contents = new FakeWebContents();
  const window = { webContents: contents, destroyed: false, isDestroyed: () => window.destroyed };
  const { core, connections } = fakeCore();
  const unbind = bindIpc(ipcMain as unknown as IpcMain, core, () => window as never);
  const invoke = (frame: FakeFrame | null, name: unknown, input: unknown = {}, sender: FakeWebContents = contents) =>
    handler!({ sender, senderFrame: frame } as unknown as IpcMainInvokeEvent, name, input);
  return { ipcMain, contents, window, connections, unbind, invoke };
}

const forbidden = expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });

describe('isTrustedSender', () => {
  const main = fakeFrame('app://unified/index.html');
  it('accepts the main frame of our window on our origin', () => {
    expect(isTrustedSender(main, main)).toBe(true);
    // Another wrapper of the same Chromium frame (same process and routing ids).
    expect(isTrustedSender(fakeFrame('app://unified/index.html#/desk'), main)).toBe(true);
  });
  it('refuses a foreign origin, a subframe, another frame, a vanished frame', () => {
    expect(isTrustedSender(fakeFrame('https://evil.example/'), fakeFrame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(fakeFrame('app://unified/x', main, { processId: 4, routingId: 9 }), main)).toBe(false);
    expect(isTrustedSender(fakeFrame('app://unified/x', null, { processId: 5, routingId: 1 }), main)).toBe(false);
    expect(isTrustedSender(fakeFrame('about:srcdoc', main), main)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });
});

describe('bindIpc', () => {
  it('registers exactly one handler, and removes it on unbind', () => {
    const { ipcMain, unbind } = rig();
    expect(ipcMain.handle).toHaveBeenCalledOnce();
    unbind();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(ipcChannels.call);
  });

  it('forwards a call of our main frame to the core and returns its envelope', async () => {
    const { contents, connections, invoke } = rig();
    await expect(invoke(contents.mainFrame, 'app.info', { a: 1 })).resolves.toEqual({ ok: true, data: { echoed: 'app.info' } });
    expect(connections[0]!.calls).toEqual([['app.info', { a: 1 }]]);
  });

  it('answers forbidden, without reaching the core, to a foreign page, a subframe or a vanished frame', async () => {
    const { contents, connections, invoke } = rig();
    const foreign = new FakeWebContents('https://evil.example/');
    contents.mainFrame.url = 'https://evil.example/';
    await expect(invoke(contents.mainFrame, 'app.info')).resolves.toEqual(forbidden);
    contents.mainFrame.url = 'app://unified/index.html';
    const subframe = fakeFrame('app://unified/index.html', contents.mainFrame, { processId: 4, routingId: 7 });
    await expect(invoke(subframe, 'app.info')).resolves.toEqual(forbidden);
    await expect(invoke(fakeFrame('about:srcdoc', contents.mainFrame), 'app.info')).resolves.toEqual(forbidden);
    await expect(invoke(null, 'app.info')).resolves.toEqual(forbidden);
    // Another webContents, even showing our origin, is not our window.
    const other = new FakeWebContents('app://unified/index.html', { processId: 8, routingId: 1 });
    await expect(invoke(other.mainFrame, 'app.info', {}, other)).resolves.toEqual(forbidden);
    await expect(invoke(foreign.mainFrame, 'app.info', {}, foreign)).resolves.toEqual(forbidden);
    expect(connections).toHaveLength(0);
  });

  it('answers forbidden once the window is destroyed', async () => {
    const { contents, window, invoke } = rig();
    window.destroyed = true;
    await expect(invoke(contents.mainFrame, 'app.info')).resolves.toEqual(forbidden);
  });

  it('keeps one connection per webContents and closes it when the webContents is destroyed', async () => {
    const { contents, connections, invoke } = rig();
    await invoke(contents.mainFrame, 'app.info');
    await invoke(contents.mainFrame, 'session.current');
    expect(connections).toHaveLength(1);
    contents.destroy();
    expect(connections[0]!.closed).toBe(true);
  });

  it('sends core events to the window on the event channel, and stops once it is gone', async () => {
    const { contents, connections, invoke } = rig();
    await invoke(contents.mainFrame, 'app.info');
    const [listener] = [...connections[0]!.listeners];
    listener!('sync.status', { mailboxId: 1, phase: 'idle', lastSuccessAt: null });
    expect(contents.send).toHaveBeenCalledWith(ipcChannels.event, 'sync.status', {
      mailboxId: 1,
      phase: 'idle',
      lastSuccessAt: null,
    });
    contents.destroyed = true;
    listener!('sync.status', { mailboxId: 1, phase: 'idle', lastSuccessAt: null });
    expect(contents.send).toHaveBeenCalledOnce();
  });

  it('turns a throw of the core into an internal envelope, never a rejected invoke', async () => {
    const { contents, invoke } = rig();
    await expect(invoke(contents.mainFrame, 'boom')).resolves.toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'internal' }) }),
    );
  });

  it('refuses an input over the frame limit before the core sees it, as the browser host does', async () => {
    const { contents, connections, invoke } = rig();
    const upload = { uploadId: 'ab'.repeat(16), index: 0, dataBase64: 'A'.repeat(maxFrameBytes) };
    await expect(invoke(contents.mainFrame, 'attachments.uploadChunk', upload)).resolves.toEqual(frameTooLarge);
    // Counted in UTF-8 bytes: half as many accented characters are over it too.
    await expect(invoke(contents.mainFrame, 'replies.preview', { html: 'é'.repeat(maxFrameBytes / 2) })).resolves.toEqual(frameTooLarge);
    expect(connections.flatMap((connection) => connection.calls)).toEqual([]);
    await invoke(contents.mainFrame, 'app.info', { note: 'é'.repeat(1000) });
    expect(connections[0]!.calls).toHaveLength(1);
  });

  it('refuses an input no JSON can carry (a cycle, a BigInt), which IPC\'s structured clone lets through', async () => {
    const { contents, connections, invoke } = rig();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const input of [cyclic, { caseId: 10n }]) {
      await expect(invoke(contents.mainFrame, 'cases.get', input)).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(connections.flatMap((connection) => connection.calls)).toEqual([]);
  });

  it('closes every connection on unbind', async () => {
    const { contents, connections, invoke, unbind } = rig();
    await invoke(contents.mainFrame, 'app.info');
    unbind();
    expect(connections[0]!.closed).toBe(true);
  });
});
