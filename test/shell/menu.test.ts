import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuSettings } from '../../electron/shell/menu';
import { shellLocale } from '../../electron/shell/shell-locale';

const build = (settings: Partial<MenuSettings> = {}) =>
  menuTemplate({ locale: 'fr', platform: 'win32', appName: 'Unified Desktop', development: false, ...settings });

const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];
const roles = (menu: MenuItemConstructorOptions) => items(menu).filter((item) => item.role).map((item) => item.role);
const everyItem = (template: MenuItemConstructorOptions[]) => template.flatMap((menu) => [menu, ...items(menu)]);

describe('the application menu', () => {
  it('is in French on Windows and Linux: Fichier, Édition, Affichage, Fenêtre, Aide', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = build({ platform });
      expect(template.map((menu) => menu.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
      expect(items(template[0]!)).toEqual([{ label: 'Quitter Unified Desktop', role: 'quit' }]);
      expect(items(template[4]!)).toEqual([{ label: 'À propos de Unified Desktop', role: 'about' }]);
    }
  });

  it('gives every item the platform’s role and our label (Electron labels roles in English only)', () => {
    const template = build();
    expect(roles(template[1]!)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(items(template[1]!).find((item) => item.role === 'paste')?.label).toBe('Coller');
    for (const item of everyItem(template)) if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
  });

  it('adds the app menu on macOS, with Quit there and Close Window in Fichier', () => {
    const template = build({ platform: 'darwin' });
    expect(template.map((menu) => menu.label)).toEqual(['Unified Desktop', 'Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(roles(template[0]!)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(template[1]!)).toEqual(['close']);
    expect(roles(template[2]!)).toContain('pasteAndMatchStyle');
    expect(template[4]).toMatchObject({ role: 'windowMenu' });
    expect(template[5]).toMatchObject({ role: 'help' });
  });

  it('has no reload and no developer tools in the packaged app, both in development', () => {
    const packaged = everyItem(build()).map((item) => item.role);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(roles(build({ development: true })[2]!)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('is in English for any other language, with the same roles', () => {
    const english = build({ locale: 'en', platform: 'darwin' });
    const french = build({ platform: 'darwin' });
    expect(english.map((menu) => menu.label)).toEqual(['Unified Desktop', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(english.map(roles)).toEqual(french.map(roles));
    expect(items(english[0]!).at(-1)).toEqual({ label: 'Quit Unified Desktop', role: 'quit' });
  });
});

describe('shellLocale', () => {
  it('is French for every French locale and English otherwise', () => {
    expect(['fr', 'fr-FR', 'fr-CA', 'FR-be', 'fr_CH'].map(shellLocale)).toEqual(['fr', 'fr', 'fr', 'fr', 'fr']);
    expect(['en-US', 'de', 'fy', 'frr', ''].map(shellLocale)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });
});
