import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../electron/core/event-bus';
import { ipcChannels } from '../../electron/shell/ipc-channels';
import { FakeWebContents } from './fake-electron';

/**
 * main.ts runs on import, as Electron runs it: each test builds a fresh fake Electron, imports the
 * entry anew and drives the app's lifecycle events. The core is replaced too (its own tests cover
 * it; ipc-real-core.test.ts covers the shell over a real one), and so is the mail utility process
 * (test/mail-process/ runs the real one under its real supervisor).
 */
const state = vi.hoisted(() => ({
  electron: {} as Record<string, unknown>,
  core: {} as Record<string, unknown>,
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
  get Menu() { return state.electron.Menu; },
  get screen() { return state.electron.screen; },
  get session() { return state.electron.session; },
  get utilityProcess() { return state.electron.utilityProcess; },
}));
vi.mock('../../electron/core/create-core', () => ({ createCore: vi.fn(() => state.core) }));

/** Electron's UtilityProcess: what main posts to it, and its exit when the test says so. */
class FakeUtilityProcess extends EventEmitter {
  posted: unknown[] = [];
  postMessage = (message: unknown) => void this.posted.push(message);
  kill = vi.fn(() => true);
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
}

function fakeElectron(options: { lock?: boolean; switches?: string[] } = {}) {
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
    getLocale: () => 'fr-FR',
    name: 'Unified Desktop',
    setAppUserModelId: vi.fn(),
    isPackaged: false,
    commandLine: { hasSwitch: (name: string) => (options.switches ?? []).includes(name) },
  });
  const windows: BrowserWindow[] = [];
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    webContents = new FakeWebContents();
    destroyed = false;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    maximize = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => true);
    isDestroyed = () => this.destroyed;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
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
    shell: { openExternal: vi.fn(), openPath: vi.fn(async () => '') },
    Notification: class {},
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    session: { defaultSession: { on: vi.fn() } },
    utilityProcess: { fork: vi.fn((...args: ConstructorParameters<typeof FakeUtilityProcess>) => new FakeUtilityProcess(...args)) },
  };
  state.core = { connect: vi.fn(), close: vi.fn(), events: new EventBus() };
  return { app, windows, ready, electron: state.electron as Record<string, Record<string, ReturnType<typeof vi.fn>>> };
}

async function start(options: { lock?: boolean; switches?: string[] } = {}) {
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
      // No demo unless asked: an empty centre shows the first-start choice.
      demo: false,
      version: '1.2.3',
    });
    expect(options.secrets).toEqual(expect.objectContaining({ set: expect.any(Function), get: expect.any(Function) }));
    expect(options.notifier).toEqual(expect.objectContaining({ notify: expect.any(Function) }));
    expect(options.opener).toEqual(expect.objectContaining({ open: expect.any(Function) }));
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
    // Nothing saved yet: the default size, centred on the primary display's work area.
    expect(windows[0]!.options).toMatchObject({ x: 320, y: 120, width: 1280, height: 800 });
  });

  it('on ready: a French menu for a French system, and downloads through the save dialog', async () => {
    const { electron, ready } = await start();
    ready();
    await settle();
    const template = electron.Menu!.buildFromTemplate!.mock.calls[0]![0] as Array<{ label: string }>;
    expect(template.map((menu) => menu.label)).toContain('Fichier');
    expect(electron.Menu!.setApplicationMenu).toHaveBeenCalledWith({ template });
    expect((electron.session!.defaultSession as unknown as { on: ReturnType<typeof vi.fn> }).on).toHaveBeenCalledWith(
      'will-download',
      expect.any(Function),
    );
  });

  it('on ready: forks the mail utility process on the same data folder and migrations, after the window', async () => {
    const { electron, ready, windows } = await start();
    ready();
    await settle();
    expect(electron.utilityProcess!.fork).toHaveBeenCalledOnce();
    const child = electron.utilityProcess!.fork!.mock.results[0]!.value as FakeUtilityProcess;
    expect(child.modulePath).toBe(path.join('/proj', 'dist', 'electron', 'mail-process.cjs'));
    expect(child.args).toEqual(['--data-dir', '/user-data(userData)', '--migrations', path.join('/proj', 'drizzle')]);
    expect(windows).toHaveLength(1);

    // Its events reach main's bus, which the windows' connections listen to.
    const heard: unknown[] = [];
    (state.core.events as EventBus).subscribe((name, payload) => heard.push([name, payload]));
    const status = { mailboxId: 1, phase: 'idle', lastSuccessAt: null };
    child.emit('message', { type: 'event', name: 'sync.status', payload: status });
    expect(heard).toEqual([['sync.status', status]]);
  });

  it('loads the demo centre only when started with --demo', async () => {
    const { createCore, ready } = await start({ switches: ['demo'] });
    ready();
    await settle();
    expect(createCore.mock.calls[0]![0].demo).toBe(true);
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
    // The mail process stops first (an outbox send may be recording), then the core closes and the app quits.
    expect(quitting.preventDefault).toHaveBeenCalledOnce();
    const child = electron.utilityProcess!.fork!.mock.results[0]!.value as FakeUtilityProcess;
    expect(child.posted).toEqual([{ type: 'stop' }]);
    await settle();
    expect(state.core.close).not.toHaveBeenCalled();
    child.emit('exit', 0);
    await settle();
    await settle();
    expect(state.core.close).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(electron.utilityProcess!.fork).toHaveBeenCalledOnce();
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
