import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import type { MailChild } from '../../electron/mail-process/mail-supervisor';

const root = path.resolve(__dirname, '..', '..');

/**
 * Builds the mail process's bundle with the very options of scripts/build-node.mjs (only its output
 * moves to a temp folder: dist/ belongs to whoever runs the app). Returns the bundle's path.
 */
export async function buildMailBundle(): Promise<{ file: string; dispose(): void }> {
  const script = pathToFileURL(path.join(root, 'scripts', 'build-node.mjs')).href;
  const { nodeBundles } = (await import(script)) as { nodeBundles: BuildOptions[] };
  const options = nodeBundles.find((bundle) => String(bundle.outfile).endsWith('mail-process.cjs'));
  if (!options) throw new Error('scripts/build-node.mjs does not bundle the mail process');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ud-mail-bundle-'));
  const file = path.join(dir, 'mail-process.cjs');
  await build({ ...options, absWorkingDir: root, outfile: file, sourcemap: false });
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ForkedMailChild extends MailChild {
  readonly process: ChildProcess;
}

/**
 * The mail process as a Node child (`child_process.fork`): the same entry Electron starts with
 * `utilityProcess.fork`, over Node's IPC channel instead of parentPort. Its npm packages resolve from
 * the project's node_modules, as they do beside dist/ in the app.
 */
export function forkMailProcess(bundle: string, args: string[], env: NodeJS.ProcessEnv = {}): ForkedMailChild {
  const child = fork(bundle, args, {
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  // A send racing the child's exit is reported here; the supervisor already stopped caring.
  child.on('error', () => undefined);
  return {
    process: child,
    send: (message) => void child.send(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}
