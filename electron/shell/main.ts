import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { startMailRuntime, type MailRuntime } from '../core/mail/mail-runtime';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { bindIpc } from './ipc-bind';
import { createElectronNotifier } from './notifier';
import { shellPaths } from './paths';
import { createSafeStorageSecretStore } from './secret-store';
import { createMainWindow, hardenWebContents } from './window';

const appId = 'fr.unified.desktop';

// Every renderer sandboxed, whatever its webPreferences say; and the scheme known before `ready`.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  let unbindIpc: (() => void) | null = null;
  let mail: Promise<MailRuntime> | null = null;

  const paths = shellPaths({
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    dataDirOverride: process.env.UNIFIED_DATA_DIR,
    userDataPath: app.getPath('userData'),
  });

  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  const openWindow = () => {
    mainWindow = createMainWindow(paths.preload, { devTools: !app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', (event) => {
    unbindIpc?.();
    unbindIpc = null;
    const closing = core;
    core = null;
    if (!closing) return;
    if (!mail) {
      closing.close();
      return;
    }
    // The outbox may be recording a send: let mail stop before the database closes, then quit.
    event.preventDefault();
    const stopping = mail;
    mail = null;
    void stopping
      .then((runtime) => runtime.stop())
      .catch((error: unknown) => console.error('[shell] mail stop failed', error))
      .finally(() => {
        closing.close();
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      // Windows shows notifications only for an app whose id matches its Start-menu shortcut.
      if (process.platform === 'win32') app.setAppUserModelId(appId);
      core = createCore({
        dataDir: paths.dataDir,
        migrationsFolder: paths.migrations,
        demo: true,
        version: app.getVersion(),
        secrets: createSafeStorageSecretStore(paths.secretsFile, safeStorage),
        notifier: createElectronNotifier(showWindow),
      });
      unbindIpc = bindIpc(ipcMain, core, () => mainWindow);
      handleAppProtocol(paths.renderer);
      openWindow();
      // After the window: an unreachable mail server must not delay it. Mail runs in this process
      // for now; moving it to a utility process is the Electron issue's work.
      mail = startMailRuntime(core);
      mail.catch((error: unknown) => console.error('[shell] mail start failed', error));
    })
    .catch((error: unknown) => {
      console.error('[shell] start-up failed', error);
      dialog.showErrorBox(
        'Unified Desktop ne peut pas démarrer',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
