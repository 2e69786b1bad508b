import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/host/data-dir';

describe('defaultDataDir (the folder Electron uses as userData)', () => {
  it('honours UNIFIED_DATA_DIR first', () => {
    expect(defaultDataDir({ UNIFIED_DATA_DIR: '/srv/centre-a' }, 'linux', '/home/a')).toBe('/srv/centre-a');
  });
  it('uses ~/.config on Linux, or XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/Unified Desktop');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/Unified Desktop');
  });
  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Unified Desktop');
  });
  it('uses APPDATA on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Unified Desktop',
    );
  });
});
