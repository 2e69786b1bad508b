import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellPaths } from '../../electron/shell/paths';

describe('shellPaths', () => {
  it('finds the bundles and drizzle beside the sources in development', () => {
    const paths = shellPaths({ appPath: '/src/ud', isPackaged: false, resourcesPath: '/x', userDataPath: '/home/a/.config/UD' });
    expect(paths).toEqual({
      preload: path.join('/src/ud', 'dist', 'electron', 'preload.cjs'),
      mailProcess: path.join('/src/ud', 'dist', 'electron', 'mail-process.cjs'),
      renderer: path.join('/src/ud', 'dist', 'renderer'),
      migrations: path.join('/src/ud', 'drizzle'),
      dataDir: '/home/a/.config/UD',
      secretsFile: path.join('/home/a/.config/UD', 'secrets.json'),
      windowStateFile: path.join('/home/a/.config/UD', 'window-state.json'),
    });
  });

  it('reads drizzle from the resources folder once packaged (extraResources, outside app.asar)', () => {
    const paths = shellPaths({
      appPath: '/opt/UD/resources/app.asar',
      isPackaged: true,
      resourcesPath: '/opt/UD/resources',
      userDataPath: '/u',
      dataDirOverride: '/tmp/demo',
    });
    expect(paths.migrations).toBe(path.join('/opt/UD/resources', 'drizzle'));
    expect(paths.preload).toBe(path.join('/opt/UD/resources/app.asar', 'dist', 'electron', 'preload.cjs'));
    // A utility process reads its entry from inside app.asar, as main does.
    expect(paths.mailProcess).toBe(path.join('/opt/UD/resources/app.asar', 'dist', 'electron', 'mail-process.cjs'));
    expect(paths.windowStateFile).toBe(path.join('/tmp/demo', 'window-state.json'));
    expect(paths.dataDir).toBe('/tmp/demo');
  });

  it('ignores an empty UNIFIED_DATA_DIR', () => {
    expect(shellPaths({ appPath: '/a', isPackaged: false, resourcesPath: '/r', userDataPath: '/u', dataDirOverride: '' }).dataDir).toBe('/u');
  });
});
