import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import WebSocket from 'ws';
import { createApi, type Api, type Envelope, type EventName, type WsServerMessage } from '../../shared/contract';

const root = path.resolve(__dirname, '..', '..');

export interface HostedProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly token: string;
  /** Its data folder (database, secrets), kept until stop(). */
  readonly dataDir: string;
  /** Whether the process ended, and how (null while it runs). */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Resolves once the process has ended. */
  readonly exited: Promise<void>;
  /** What the process printed on its standard output so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The browser host as `npm run host` runs it: its bundle built with the options of
 * scripts/build-node.mjs into a temp app folder (package.json, drizzle/ and node_modules/ linked
 * from the project), started as its own Node process on a temp data folder. A frame that ended the
 * host would end this process, which an in-process host would hide inside the test runner.
 */
export async function startHostedProcess(settings: { env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<HostedProcess> {
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

  const dataDir = path.join(appRoot, 'data');
  const child = spawn(process.execPath, [bundle, '--port', '0', ...(settings.args ?? [])], {
    env: { ...process.env, ...settings.env, UNIFIED_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ended: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = { code, signal };
      resolve();
    }),
  );
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => (out += text));
  const address = await printedAddress(child);
  return {
    child,
    port: Number(address.port),
    token: address.searchParams.get('token') ?? '',
    dataDir,
    exit: () => ended,
    exited,
    output: () => out,
    stop: async () => {
      if (!ended) child.kill('SIGKILL');
      await exited;
      rmSync(appRoot, { recursive: true, force: true });
    },
  };
}

/**
 * The typed client over the host's WebSocket, as a browser tab uses it (with the Origin header a
 * browser sends). Resolves once the socket is open; `close()` ends the tab.
 */
export async function hostedApi(hosted: HostedProcess): Promise<{ api: Api; close(): void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${hosted.port}/ws?token=${hosted.token}`, {
    headers: { Origin: `http://127.0.0.1:${hosted.port}` },
  });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  let nextId = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as WsServerMessage;
    if ('id' in message) pending.get(message.id)?.(message.result);
    else listeners.forEach((listener) => listener(message.event, message.payload));
  });
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const api = createApi({
    invoke: (call, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, call, input }));
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return { api, close: () => socket.close() };
}

/** The host prints `Ouvrez / Open: <url>` once it listens. */
function printedAddress(child: ChildProcess): Promise<URL> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (text: string) => {
      out += text;
      const match = /Open: (\S+)/.exec(out);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the host ended before listening (code ${String(code)}): ${out}`)));
  });
}
