import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, IpcRenderer } from 'electron';
import { createApi, type Envelope } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/create-core';
import { demoPassword } from '../../electron/core/demo/demo-data';
import { bindIpc } from '../../electron/shell/ipc-bind';
import { ipcChannels } from '../../electron/shell/ipc-channels';
import { FakeWebContents, fakeFrame, type FakeFrame } from './fake-electron';

// The preload module exposes itself on import; here only its transport factory is used.
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer: {} }));
const { createIpcTransport } = await import('../../electron/shell/preload');

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>;

let dataDir: string;
let core: Core;
let handler: Handler;
let unbind: () => void;
let contents = new FakeWebContents();

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ud-shell-core-'));
  core = createCore({ dataDir, migrationsFolder: path.resolve('drizzle'), demo: true, version: '9.8.7' });
  const ipcMain = { handle: (_channel: string, fn: Handler) => void (handler = fn), removeHandler: () => undefined };
  unbind = bindIpc(ipcMain as unknown as IpcMain, core, () => ({ webContents: contents, isDestroyed: () => false }) as never);
});

afterAll(() => {
  unbind?.();
  core?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const invokeFrom = (frame: FakeFrame | null, name: unknown, input: unknown = {}) =>
  handler({ sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent, name, input);

/** The renderer side: the preload's transport over an ipcRenderer that reaches the handler as our main frame. */
const rendererIpc = {
  invoke: (channel: string, name: unknown, input: unknown) => {
    expect(channel).toBe(ipcChannels.call);
    return invokeFrom(contents.mainFrame, name, input);
  },
  on: () => undefined,
  removeListener: () => undefined,
} as unknown as IpcRenderer;

describe('IPC to a real core', () => {
  it('lets our main frame reach the core', async () => {
    const envelope = await invokeFrom(contents.mainFrame, 'app.info');
    // No FileOpener given to this core: attachments are downloaded, not opened.
    expect(envelope).toEqual({ ok: true, data: { version: '9.8.7', demo: true, dataDir, canOpenFiles: false } });
  });

  it('refuses a foreign origin and a subframe before the core sees them', async () => {
    const foreign = { ...contents.mainFrame, url: 'https://evil.example/' };
    const subframe = fakeFrame('app://unified/index.html', contents.mainFrame, { processId: 4, routingId: 3 });
    for (const frame of [foreign, subframe]) {
      await expect(invokeFrom(frame, 'app.info')).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('leaves contract checks to the core: unknown names, invalid input, sign-in', async () => {
    await expect(invokeFrom(contents.mainFrame, 'nope.nope')).resolves.toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    await expect(invokeFrom(contents.mainFrame, 'session.signIn', { login: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { login: expect.any(String), password: expect.any(String) } },
    });
    await expect(invokeFrom(contents.mainFrame, 'desk.queues')).resolves.toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('serves the typed client end to end: preload transport → IPC handler → core', async () => {
    const api = createApi(createIpcTransport(rendererIpc));
    await expect(api.app.info()).resolves.toMatchObject({ version: '9.8.7', demo: true });
    const agents = await api.session.agents();
    expect(agents.length).toBeGreaterThan(0);
    await expect(api.session.current()).resolves.toBeNull();
  });

  it('keeps the sign-in per window: a new webContents starts signed out', async () => {
    const api = createApi(createIpcTransport(rendererIpc));
    const [agent] = await api.session.agents();
    await expect(api.session.signIn({ login: agent!.login, password: demoPassword })).resolves.toMatchObject({ id: agent!.id });
    await expect(api.session.current()).resolves.toMatchObject({ id: agent!.id });
    await expect(api.desk.queues()).resolves.toEqual(expect.any(Array));

    // The window's page is replaced by a new webContents (crash, reload into a new process…).
    contents.destroy();
    contents = new FakeWebContents();
    await expect(api.session.current()).resolves.toBeNull();
  });

  it('pushes core events to the signed-in window', async () => {
    await expect(invokeFrom(contents.mainFrame, 'session.signIn', { login: 'camille.martin', password: demoPassword })).resolves.toMatchObject({ ok: true });
    const payload = { mailboxId: 1, phase: 'idle' as const, lastSuccessAt: null };
    core.events.emit('sync.status', payload);
    expect(contents.send).toHaveBeenCalledWith(ipcChannels.event, 'sync.status', payload);
  });
});
