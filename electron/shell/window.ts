import type { BrowserWindow, BrowserWindowConstructorOptions, Shell, WebContents } from './electron-api';
import { appEntryUrl, isAppUrl } from './app-origin';
import { defaultWindowSize, type Rect } from './window-placement';

export interface WindowSettings {
  /** Developer tools: for development only; a packaged app has no business opening them. */
  devTools?: boolean;
  /** Where the window was last time, already placed on a display (window-placement.ts). */
  bounds?: Rect;
  maximized?: boolean;
}

/** Every flag of the Electron security checklist, spelled out even where it is the default. */
export function windowOptions(preloadPath: string, settings: WindowSettings = {}): BrowserWindowConstructorOptions {
  return {
    ...(settings.bounds ?? defaultWindowSize),
    minWidth: 960,
    minHeight: 600,
    title: 'Unified Desktop',
    backgroundColor: '#ffffff',
    // Shown on ready-to-show: no white flash of an empty window.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium downloads its Hunspell dictionaries from Google on Windows and Linux: an offline
      // product makes no such call.
      spellcheck: false,
      devTools: settings.devTools ?? false,
    },
  };
}

/** Only web pages go to the system browser: no `file:`, `smb:` (NTLM leak), `javascript:`, custom handlers. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const allowedPermissions = new Set<string>(['notifications']);

/** A permission is given only to our own pages, and only notifications. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return allowedPermissions.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/**
 * Locks a webContents down: no navigation away from our pages, no new windows (web links open in the
 * system browser instead), no <webview>, no permission but notifications. The shell applies it to
 * every webContents, on `web-contents-created`.
 */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}

/** The main window, hidden until its first paint, showing `app://unified/index.html`. */
export function createMainWindow(
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  preloadPath: string,
  settings: WindowSettings = {},
): BrowserWindow {
  const window = new Window(windowOptions(preloadPath, settings));
  // maximize() shows the window too.
  window.once('ready-to-show', () => (settings.maximized ? window.maximize() : window.show()));
  window.loadURL(appEntryUrl).catch((error: unknown) => console.error('[shell] cannot load the renderer', error));
  return window;
}
