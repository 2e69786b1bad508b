import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(__dirname, '..', '..');

export interface HostedProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly token: string;
  /** Whether the process ended, and how (null while it runs). */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  stop(): Promise<void>;
}

/**
 * The browser host as `npm run host` runs it: its bundle built with the options of
 * scripts/build-node.mjs into a temp app folder (package.json, drizzle/ and node_modules/ linked
 * from the project), started as its own Node process on a temp data folder. A frame that ended the
 * host would end this process, which an in-process host would hide inside the test runner.
 */
export async function startHostedProcess(): Promise<HostedProcess> {
  const appRoot = mkdtempSync(path.join(os.tmpdir(), 'ud-hosted-'));
  for (const entry of ['package.json', 'drizzle', 'node_modules']) {
    symlinkSync(path.join(root, entry), path.join(appRoot, entry));
  }
  const bundle = path.join(appRoot, 'dist', 'host', 'main.mjs');
  mkdirSync(path.dirname(bundle), { recursive: true });
  const script = pathToFileURL(path.join(root, 'scripts', 'build-node.mjs')).href;
  const { nodeBundles } = (await import(script)) as { nodeBundles: BuildOptions[] };
  const options = nodeBundles.find((entry) => String(entry.outfile).endsWith('host/main.mjs'));
  if (!options) throw new Error('scripts/build-node.mjs does not bundle the browser host');
  await build({ ...options, absWorkingDir: root, outfile: bundle, sourcemap: false });

  const child = spawn(process.execPath, [bundle, '--port', '0'], {
    env: { ...process.env, UNIFIED_DATA_DIR: path.join(appRoot, 'data') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ended: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = { code, signal };
      resolve();
    }),
  );
  const address = await printedAddress(child);
  return {
    child,
    port: Number(address.port),
    token: address.searchParams.get('token') ?? '',
    exit: () => ended,
    stop: async () => {
      if (!ended) child.kill('SIGKILL');
      await exited;
      rmSync(appRoot, { recursive: true, force: true });
    },
  };
}

/** The host prints `Ouvrez / Open: <url>` once it listens. */
function printedAddress(child: ChildProcess): Promise<URL> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      out += text;
      const match = /Open: (\S+)/.exec(out);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the host ended before listening (code ${String(code)}): ${out}`)));
  });
}
