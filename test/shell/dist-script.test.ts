import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

type Run = (command: string, args: string[]) => void;
const script = pathToFileURL(path.resolve(__dirname, '..', '..', 'scripts', 'dist.mjs')).href;
const { runDist } = (await import(script)) as { runDist: (run: Run, builderArgs?: string[]) => void };

/** Records the commands `npm run dist` would run, failing the one named. */
function dryRun(failing?: string) {
  const ran: string[] = [];
  const run: Run = (command, args) => {
    const line = [command, ...args].join(' ');
    ran.push(line);
    if (failing && line.startsWith(failing)) throw new Error(`${line} failed`);
  };
  return { ran, run };
}

describe('npm run dist (scripts/dist.mjs)', () => {
  it('builds, fetches Electron, rebuilds better-sqlite3 for it, packages, then rebuilds it for Node', () => {
    const { ran, run } = dryRun();
    runDist(run, ['--win']);
    expect(ran).toEqual([
      'npm run build',
      'npm run electron:fetch',
      'npx electron-rebuild --force --only better-sqlite3',
      'npx electron-builder --win',
      'npm rebuild better-sqlite3',
    ]);
  });

  it('gives better-sqlite3 back to Node even when packaging fails, and still fails', () => {
    const { ran, run } = dryRun('npx electron-builder');
    expect(() => runDist(run)).toThrow(/electron-builder failed/);
    expect(ran.at(-1)).toBe('npm rebuild better-sqlite3');
  });

  it('touches nothing native when the build itself fails', () => {
    const { ran, run } = dryRun('npm run build');
    expect(() => runDist(run)).toThrow();
    expect(ran).toEqual(['npm run build']);
  });

  it('is the only place Electron’s ABI comes in: npm install runs no rebuild of ours', () => {
    const packageJson = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(packageJson.scripts[hook], hook).toBeUndefined();
    expect(packageJson.scripts.dist).toBe('node scripts/dist.mjs');
  });
});
