import { existsSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { loadConfig } from 'app-builder-lib/out/util/config/load';
import { DebugLogger } from 'builder-util';
import { shellPaths } from '../../electron/shell/paths';

const root = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  build?: unknown;
};

/** The file as electron-builder itself finds and parses it (its YAML loader, its file lookup). */
async function rawConfig(): Promise<{ config: Configuration; file: string | null }> {
  const found = await loadConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir: root,
    packageMetadata: null,
  });
  if (!found) throw new Error('electron-builder found no configuration');
  return { config: found.result, file: found.configFile };
}

describe('electron-builder.yml', () => {
  it('is the configuration electron-builder picks up (and package.json has no competing "build")', async () => {
    const { file } = await rawConfig();
    expect(file).toBe(path.join(root, 'electron-builder.yml'));
    expect(packageJson.build).toBeUndefined();
  });

  it('matches electron-builder’s own JSON schema (scheme.json), with the ajv electron-builder uses', async () => {
    const schemaFile = path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const { config } = await rawConfig();
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not vacuous: a misspelt fuse or an unknown key fails it.
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
    expect(validate({ ...config, npmRebuilt: false })).toBe(false);
  });

  it('passes electron-builder’s full validation (schema plus its deprecation checks)', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('ships the bundles, the migrations beside app.asar, and better-sqlite3 unpacked, with no rebuild', async () => {
    const { config } = await rawConfig();
    expect(config.appId).toBe('fr.unified.desktop');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.directories?.output).toBe('release');
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['package.json']));
    expect(packageJson.main).toBe('dist/electron/main.cjs');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**']));
    expect(config.extraResources).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'drizzle', to: 'drizzle' })]));
    expect(config.asar).not.toBe(false);
  });

  it('packs every file the app loads, by electron-builder’s own file matcher, and nothing else of dist/', async () => {
    const { config } = await rawConfig();
    const filter = new FileMatcher(root, root, (pattern) => pattern, config.files as string[]).createFilter();
    const packed = (file: string) => filter(path.join(root, file), { isDirectory: () => false } as Stats);
    const script = pathToFileURL(path.join(root, 'scripts', 'build-node.mjs')).href;
    const { nodeBundles } = (await import(script)) as { nodeBundles: Array<{ outfile: string }> };
    const desktopBundles = nodeBundles.map((bundle) => bundle.outfile).filter((file) => file.startsWith('dist/electron/'));
    // main, preload and the mail utility process, at the paths the shell opens them from.
    const paths = shellPaths({ appPath: '.', isPackaged: true, resourcesPath: '/r', userDataPath: '/u' });
    expect(desktopBundles.sort()).toEqual([packageJson.main, paths.preload, paths.mailProcess].map((file) => path.posix.normalize(file)).sort());

    for (const file of [...desktopBundles, 'dist/renderer/index.html', 'dist/renderer/assets/index-3f2a.js', 'package.json']) {
      expect(packed(file), file).toBe(true);
    }
    for (const file of ['dist/host/main.mjs', 'dist/bench/desk-queries.mjs', 'dist/scripts/seed-large.mjs', 'dist/electron/main.cjs.map', 'electron/shell/main.ts', 'test/shell/main.test.ts']) {
      expect(packed(file), file).toBe(false);
    }
  });

  it('flips the fuses that close Electron’s Node back doors', async () => {
    const { config } = await rawConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs per user on Windows, hardened and categorised on macOS, as an AppImage on Linux', async () => {
    const { config } = await rawConfig();
    expect(config.win?.target).toBe('nsis');
    // No perMachine: the installer runs with the user's rights (RequestExecutionLevel user) and its
    // install-mode page preselects "only for me"; no allowElevation: it never asks for admin rights.
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    expect(config.nsis?.selectPerMachineByDefault).not.toBe(true);
    expect(config.mac).toMatchObject({
      target: 'dmg',
      hardenedRuntime: true,
      category: 'public.app-category.business',
      entitlements: 'resources/entitlements.mac.plist',
    });
    expect(config.linux?.target).toBe('AppImage');
  });

  it('points at resources that exist: a 512×512 PNG icon and an entitlements plist with allow-jit', async () => {
    const { config } = await rawConfig();
    const icon = readFileSync(path.join(root, config.icon as string));
    expect(icon.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(icon.toString('ascii', 12, 16)).toBe('IHDR');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);

    const plistFile = path.join(root, config.mac?.entitlements as string);
    expect(existsSync(plistFile)).toBe(true);
    const plist = readFileSync(plistFile, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    expect(plist).not.toContain('com.apple.security.cs.disable-library-validation');
    expect(existsSync(path.join(root, 'drizzle'))).toBe(true);
  });
});
