import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { DriverConfig } from './outbox-driver';

export interface DriverProcess {
  /** What the child wrote on stderr, for the message of a failing assertion. */
  output(): string;
  /** SIGKILL, as a crash or a power cut would: no handler of the child runs. */
  kill(): Promise<void>;
}

/**
 * Bundles outbox-driver.ts with esbuild into a temp folder and runs it under plain Node, as the
 * app's bundled main runs. npm packages stay external, found through NODE_PATH (CommonJS).
 */
export async function startDriver(config: DriverConfig): Promise<DriverProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ud-driver-'));
  const outfile = path.join(dir, 'outbox-driver.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'outbox-driver.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  const child = spawn(process.execPath, [outfile], {
    env: { ...process.env, NODE_PATH: path.resolve('node_modules'), UD_OUTBOX_DRIVER: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
