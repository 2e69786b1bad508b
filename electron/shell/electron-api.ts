/**
 * The one place the shell's modules take Electron's types from. Only `main.ts` (which hands the
 * real objects to the others) and `preload.ts` (a separate bundle) import `electron` at run time:
 * every other module of the shell receives what it uses, so its tests give it stand-ins directly.
 */
export type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  DownloadItem,
  IpcMain,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Notification,
  SafeStorage,
  Screen,
  Session,
  Shell,
  WebContents,
  protocol,
  utilityProcess,
} from 'electron';
