import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` is `node scripts/start.mjs`; the build is done by `npm test` before vitest runs.
const root = path.resolve(__dirname, '..', '..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** Who could sign in to the centre the app created in this data folder. */
function agentCount(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'unified.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('without Electron’s binary, says so in French and English and serves the app on loopback', async () => {
    const data = tempDir('ud-start-');
    // An empty folder where Electron's binary would be: the same as a machine that never downloaded it.
    const noElectron = tempDir('ud-noelectron-');
    const run = start({ UNIFIED_DATA_DIR: data, ELECTRON_OVERRIDE_DIST_PATH: noElectron });
    await expect.poll(run.output, { timeout: 60_000, interval: 200 }).toMatch(/Ouvrez \/ Open: (\S+)/);
    const out = run.output();
    expect(out).toContain("Electron n'est pas disponible sur cette machine");
    expect(out).toContain('Electron is not available on this machine');
    expect(out).toContain(data);
    const url = new URL(/Ouvrez \/ Open: (\S+)/.exec(out)?.[1] ?? '');
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toMatch(/^[\w-]{20,}$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    // A fresh machine: no account at all, the first-start choice (demo or one's own centre) to make.
    expect(agentCount(data)).toBe(0);
  });

  it('loads the demo centre when asked with --demo', async () => {
    const data = tempDir('ud-start-');
    const run = start({ UNIFIED_DATA_DIR: data }, ['--host', '--demo']);
    await expect.poll(run.output, { timeout: 60_000, interval: 200 }).toMatch(/Ouvrez \/ Open: (\S+)/);
    expect(agentCount(data)).toBe(4);
  });

  it('launches Electron with the app when its binary is present', async () => {
    const fakeDist = tempDir('ud-electron-');
    const marker = path.join(fakeDist, 'launched.txt');
    // Stands in for Electron's binary: records how it was launched.
    writeFileSync(path.join(fakeDist, 'electron'), `#!/bin/sh\necho "$PWD $@" > "${marker}"\necho launched\n`);
    chmodSync(path.join(fakeDist, 'electron'), 0o755);
    const run = start({ UNIFIED_DATA_DIR: tempDir('ud-start-'), ELECTRON_OVERRIDE_DIST_PATH: fakeDist });
    const code = await new Promise<number | null>((resolve) => run.child.on('exit', resolve));
    expect(code).toBe(0);
    expect(run.output()).toContain('launched');
    expect(run.output()).not.toContain('Ouvrez / Open');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(marker, 'utf8').trim()).toBe(`${root} .`);
  });

  it('hands --demo on to Electron', async () => {
    const fakeDist = tempDir('ud-electron-');
    const marker = path.join(fakeDist, 'launched.txt');
    writeFileSync(path.join(fakeDist, 'electron'), `#!/bin/sh\necho "$@" > "${marker}"\n`);
    chmodSync(path.join(fakeDist, 'electron'), 0o755);
    const run = start({ UNIFIED_DATA_DIR: tempDir('ud-start-'), ELECTRON_OVERRIDE_DIST_PATH: fakeDist }, ['--demo']);
    expect(await new Promise<number | null>((resolve) => run.child.on('exit', resolve))).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(marker, 'utf8').trim()).toBe('. --demo');
  });
});
