import type { MenuItemConstructorOptions } from './electron-api';
import type { ShellLocale } from './shell-locale';

export interface MenuSettings {
  locale: ShellLocale;
  platform: NodeJS.Platform;
  appName: string;
  /** Reload and developer tools: development only (they would drop an agent's draft, or expose the app). */
  development: boolean;
}

const words = {
  fr: {
    about: (app: string) => `À propos de ${app}`,
    services: 'Services',
    hide: (app: string) => `Masquer ${app}`,
    hideOthers: 'Masquer les autres',
    unhide: 'Tout afficher',
    quit: (app: string) => `Quitter ${app}`,
    file: 'Fichier',
    close: 'Fermer la fenêtre',
    edit: 'Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    pasteAndMatchStyle: 'Coller et adapter le style',
    delete: 'Supprimer',
    selectAll: 'Tout sélectionner',
    view: 'Affichage',
    reload: 'Recharger',
    toggleDevTools: 'Outils de développement',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    fullScreen: 'Plein écran',
    window: 'Fenêtre',
    minimize: 'Réduire',
    zoom: 'Agrandir',
    front: 'Tout ramener au premier plan',
    help: 'Aide',
  },
  en: {
    about: (app: string) => `About ${app}`,
    services: 'Services',
    hide: (app: string) => `Hide ${app}`,
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: (app: string) => `Quit ${app}`,
    file: 'File',
    close: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    help: 'Help',
  },
} as const;

type Words = (typeof words)[ShellLocale];
const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, a pure function of the locale and the platform so that it is tested without
 * Electron. Items use Electron's roles (their behaviour and shortcuts are the platform's own) with
 * our labels, since Electron labels roles in English only.
 */
export function menuTemplate(settings: MenuSettings): MenuItemConstructorOptions[] {
  const w = words[settings.locale];
  const mac = settings.platform === 'darwin';
  return [
    ...(mac ? [appMenu(w, settings.appName)] : []),
    fileMenu(w, settings.appName, mac),
    editMenu(w, mac),
    viewMenu(w, settings.development),
    windowMenu(w, mac),
    // On macOS the `help` role adds the system's search field; elsewhere About lives here.
    { label: w.help, role: 'help', submenu: mac ? [] : [{ label: w.about(settings.appName), role: 'about' }] },
  ];
}

/** macOS's first menu, named after the app. */
function appMenu(w: Words, app: string): MenuItemConstructorOptions {
  return {
    label: app,
    submenu: [
      { label: w.about(app), role: 'about' },
      separator,
      { label: w.services, role: 'services' },
      separator,
      { label: w.hide(app), role: 'hide' },
      { label: w.hideOthers, role: 'hideOthers' },
      { label: w.unhide, role: 'unhide' },
      separator,
      { label: w.quit(app), role: 'quit' },
    ],
  };
}

function fileMenu(w: Words, app: string, mac: boolean): MenuItemConstructorOptions {
  // Quit is in the app menu on macOS, in File elsewhere.
  return { label: w.file, submenu: [mac ? { label: w.close, role: 'close' } : { label: w.quit(app), role: 'quit' }] };
}

function editMenu(w: Words, mac: boolean): MenuItemConstructorOptions {
  return {
    label: w.edit,
    submenu: [
      { label: w.undo, role: 'undo' },
      { label: w.redo, role: 'redo' },
      separator,
      { label: w.cut, role: 'cut' },
      { label: w.copy, role: 'copy' },
      { label: w.paste, role: 'paste' },
      ...(mac ? [{ label: w.pasteAndMatchStyle, role: 'pasteAndMatchStyle' } as const] : []),
      { label: w.delete, role: 'delete' },
      separator,
      { label: w.selectAll, role: 'selectAll' },
    ],
  };
}

function viewMenu(w: Words, development: boolean): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = development
    ? [{ label: w.reload, role: 'reload' }, { label: w.toggleDevTools, role: 'toggleDevTools' }, separator]
    : [];
  return {
    label: w.view,
    submenu: [
      ...developer,
      { label: w.resetZoom, role: 'resetZoom' },
      { label: w.zoomIn, role: 'zoomIn' },
      { label: w.zoomOut, role: 'zoomOut' },
      separator,
      { label: w.fullScreen, role: 'togglefullscreen' },
    ],
  };
}

function windowMenu(w: Words, mac: boolean): MenuItemConstructorOptions {
  // On macOS the `windowMenu` role also lists the open windows, as every Mac app does.
  return mac
    ? {
        label: w.window,
        role: 'windowMenu',
        submenu: [{ label: w.minimize, role: 'minimize' }, { label: w.zoom, role: 'zoom' }, separator, { label: w.front, role: 'front' }],
      }
    : { label: w.window, submenu: [{ label: w.minimize, role: 'minimize' }, { label: w.close, role: 'close' }] };
}
