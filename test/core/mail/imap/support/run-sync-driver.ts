import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import type { DriverConfig } from './sync-driver';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');

/**
 * Bundles the driver with esbuild's JS API (offline, a few hundred ms). npm packages stay external
 * (better-sqlite3 is native) and are found through NODE_PATH, since the bundle lives in a temp dir.
 */
export async function bundleDriver(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'sync-driver.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'sync-driver.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

export interface DriverRun {
  child: ChildProcess;
  /** Lines printed so far. */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function runDriver(bundle: string, config: DriverConfig): DriverRun {
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules'), UD_SYNC_DRIVER: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, lines, exited };
}
