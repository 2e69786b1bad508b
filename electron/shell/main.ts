import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell, utilityProcess } from 'electron';
import { createCore, type Core } from '../core/create-core';
import { startBackupScheduler } from '../core/services/backup/backup-scheduler';
import { createMailSupervisor, type MailSupervisor } from '../mail-process/mail-supervisor';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { handleDownloads } from './downloads';
import { createElectronFileOpener } from './file-opener';
import { bindIpc } from './ipc-bind';
import { forkMailUtilityProcess } from './mail-utility-process';
import { menuTemplate } from './menu';
import { createElectronNotifier } from './notifier';
import { shellPaths } from './paths';
import { createSafeStorageSecretStore } from './secret-store';
import { shellLocale } from './shell-locale';
import { createMainWindow, hardenWebContents } from './window';
import { restoreWindowState, trackWindowState } from './window-state';

const appId = 'fr.unified.desktop';

// Every renderer sandboxed, whatever its webPreferences say; and the scheme known before `ready`.
app.enableSandbox();
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  let unbindIpc: (() => void) | null = null;
  let mail: MailSupervisor | null = null;

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
    mainWindow = createMainWindow(BrowserWindow, paths.preload, {
      devTools: !app.isPackaged,
      ...restoreWindowState(paths.windowStateFile, screen),
    });
    trackWindowState(mainWindow, paths.windowStateFile);
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
    // The outbox may be recording a send: let the mail process finish and exit, then quit.
    event.preventDefault();
    const stopping = mail;
    mail = null;
    void stopping
      .stop()
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
      const locale = shellLocale(app.getLocale());
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(menuTemplate({ locale, platform: process.platform, appName: app.name, development: !app.isPackaged })),
      );
      const secrets = createSafeStorageSecretStore(paths.secretsFile, safeStorage);
      const notifier = createElectronNotifier(Notification, showWindow);
      // Opens the database and migrates it, before the mail process opens it too.
      const started = createCore({
        dataDir: paths.dataDir,
        migrationsFolder: paths.migrations,
        // `--demo` (tests, screenshots): the demo centre in an empty folder; else the first-start choice.
        demo: app.commandLine.hasSwitch('demo'),
        version: app.getVersion(),
        secrets,
        notifier,
        opener: createElectronFileOpener(shell),
      });
      core = started;
      // Mail sync and the outbox run in a utility process (mail-utility-process.ts says why).
      const supervisor = createMailSupervisor({ spawn: () => forkMailUtilityProcess(paths, utilityProcess.fork), events: started.events, secrets, notifier });
      mail = supervisor;
      unbindIpc = bindIpc(ipcMain, started, () => mainWindow);
      handleAppProtocol(paths.renderer, protocol);
      handleDownloads(session.defaultSession, app.getPath('downloads'), locale);
      openWindow();
      // After the window: starting mail must not delay it.
      supervisor.start();
      // The daily backup runs here, beside the windows' core: it shares their job lock and progress.
      startBackupScheduler(started, { version: app.getVersion() });
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
