import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../electron/shell/ipc-channels';
import { FakeWebContents } from './fake-electron';

/**
 * main.ts runs on import, as Electron runs it: each test builds a fresh fake Electron, imports the
 * entry anew and drives the app's lifecycle events. The core is replaced too (its own tests cover
 * it; ipc-real-core.test.ts covers the shell over a real one).
 */
const state = vi.hoisted(() => ({
  electron: {} as Record<string, unknown>,
  core: {} as Record<string, unknown>,
  mail: { stop: async () => undefined } as { stop: () => Promise<void> },
}));

vi.mock('electron', () => ({
  get app() { return state.electron.app; },
  get BrowserWindow() { return state.electron.BrowserWindow; },
  get dialog() { return state.electron.dialog; },
  get ipcMain() { return state.electron.ipcMain; },
  get protocol() { return state.electron.protocol; },
  get safeStorage() { return state.electron.safeStorage; },
  get shell() { return state.electron.shell; },
  get Notification() { return state.electron.Notification; },
}));
vi.mock('../../electron/core/create-core', () => ({ createCore: vi.fn(() => state.core) }));
// Mail talks to servers: the shell's test checks that it is started and stopped around the core.
vi.mock('../../electron/core/mail/mail-runtime', () => ({ startMailRuntime: vi.fn(async () => state.mail) }));

function fakeElectron(options: { lock?: boolean } = {}) {
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const app = Object.assign(new EventEmitter(), {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => readyPromise),
    getAppPath: () => '/proj',
    getPath: (name: string) => `/user-data(${name})`,
    getVersion: () => '1.2.3',
    setAppUserModelId: vi.fn(),
    isPackaged: false,
  });
  const windows: BrowserWindow[] = [];
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    webContents = new FakeWebContents();
    destroyed = false;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => true);
    isDestroyed = () => this.destroyed;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
  }
  state.electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true },
    shell: { openExternal: vi.fn() },
    Notification: class {},
  };
  state.core = { connect: vi.fn(), close: vi.fn() };
  state.mail = { stop: vi.fn(async () => undefined) };
  return { app, windows, ready, electron: state.electron as Record<string, Record<string, ReturnType<typeof vi.fn>>> };
}

async function start(options: { lock?: boolean } = {}) {
  const fake = fakeElectron(options);
  vi.resetModules();
  const { createCore } = await import('../../electron/core/create-core');
  vi.mocked(createCore).mockClear();
  await import('../../electron/shell/main');
  return { ...fake, createCore: vi.mocked(createCore) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  delete process.env.UNIFIED_DATA_DIR;
});
afterEach(() => {
  delete process.env.UNIFIED_DATA_DIR;
});

describe('the Electron entry', () => {
  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    const { app, createCore } = await start({ lock: false });
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(createCore).not.toHaveBeenCalled();
  });

  it('registers the app scheme and the sandbox before ready, and nothing else', async () => {
    const { electron, createCore, windows } = await start();
    expect(electron.app!.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol!.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(electron.protocol!.handle).not.toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });

  it('on ready: starts the core with the app’s paths and adapters, binds IPC, serves app://, opens the window', async () => {
    const { electron, createCore, windows, ready } = await start();
    ready();
    await settle();
    expect(createCore).toHaveBeenCalledOnce();
    const options = createCore.mock.calls[0]![0];
    expect(options).toMatchObject({
      dataDir: '/user-data(userData)',
      migrationsFolder: path.join('/proj', 'drizzle'),
      demo: true,
      version: '1.2.3',
    });
    expect(options.secrets).toEqual(expect.objectContaining({ set: expect.any(Function), get: expect.any(Function) }));
    expect(options.notifier).toEqual(expect.objectContaining({ notify: expect.any(Function) }));
    expect(electron.ipcMain!.handle).toHaveBeenCalledWith(ipcChannels.call, expect.any(Function));
    expect(electron.protocol!.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(windows).toHaveLength(1);
    expect(windows[0]!.options.webPreferences).toMatchObject({
      preload: path.join('/proj', 'dist', 'electron', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      devTools: true, // not packaged
    });
    expect(windows[0]!.loadURL).toHaveBeenCalledWith('app://unified/index.html');
  });

  it('uses UNIFIED_DATA_DIR when set', async () => {
    process.env.UNIFIED_DATA_DIR = '/tmp/ud-demo';
    const { createCore, ready } = await start();
    ready();
    await settle();
    expect(createCore.mock.calls[0]![0].dataDir).toBe('/tmp/ud-demo');
  });

  it('hardens every webContents the app creates', async () => {
    const { app } = await start();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('brings the window back when a second instance starts', async () => {
    const { app, windows, ready } = await start();
    ready();
    await settle();
    app.emit('second-instance', {}, [], '/');
    expect(windows[0]!.restore).toHaveBeenCalled();
    expect(windows[0]!.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes (except on macOS) and closes the core on quit', async () => {
    const { app, electron, ready } = await start();
    ready();
    await settle();
    app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(app.quit).not.toHaveBeenCalled();
    else expect(app.quit).toHaveBeenCalled();
    vi.mocked(app.quit).mockClear();
    const quitting = { preventDefault: vi.fn() };
    app.emit('will-quit', quitting);
    // Mail stops first (an outbox send may be recording), then the core closes and the app quits.
    expect(quitting.preventDefault).toHaveBeenCalledOnce();
    await settle();
    await settle();
    expect(state.mail.stop).toHaveBeenCalledOnce();
    expect(state.core.close).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(electron.ipcMain!.removeHandler).toHaveBeenCalledWith(ipcChannels.call);
  });

  it('shows the start-up failure and exits when the core cannot start', async () => {
    const { electron, app, ready, createCore } = await start();
    createCore.mockImplementationOnce(() => {
      throw new Error('migration 0002 failed');
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    ready();
    await settle();
    quiet.mockRestore();
    expect(electron.dialog!.showErrorBox).toHaveBeenCalledWith(expect.any(String), 'migration 0002 failed');
    expect(app.exit).toHaveBeenCalledWith(1);
  });
});
