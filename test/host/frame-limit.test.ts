import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  bytesSource,
  createApi,
  maxFrameBytes,
  uploadFile,
  type Envelope,
  type Transport,
  type WsServerMessage,
} from '../../shared/contract';
import { createCore, type Core } from '../../electron/core/create-core';
import { createBlobStore } from '../../electron/core/storage/blob-store';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';

/** Issue 11: the largest frame the host reads is the largest call there is, checked before parsing. */

let dir: string;
let core: Core;
let host: BrowserHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ud-frames-'));
  core = createCore({ dataDir: path.join(dir, 'data'), migrationsFolder: path.resolve('drizzle'), demo: true });
  host = await startBrowserHost({ core, rendererDir: path.join(dir, 'renderer') });
});

afterAll(async () => {
  await host.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${host.port}`;
const url = () => `ws://127.0.0.1:${host.port}/ws?token=${host.token}`;

function open(): Promise<WebSocket> {
  const socket = new WebSocket(url(), { headers: { Origin: origin() } });
  socket.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', () => reject(new Error('refused')));
  });
}

/** A Transport over one socket, answers paired by id: the frames a tab's transport sends. */
async function socketTransport(): Promise<Transport & { close(): void }> {
  const socket = await open();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as WsServerMessage;
    if ('id' in message) pending.get(message.id)?.(message.result);
  });
  let nextId = 1;
  return {
    invoke: (call, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, call, input }));
      }),
    subscribe: () => () => undefined,
    close: () => socket.close(),
  };
}

describe('the frame size limit of the browser host', () => {
  it('closes a socket that sends a frame over the limit, without answering it, and serves the others meanwhile', async () => {
    const other = await open();
    const greedy = await open();
    const answers: unknown[] = [];
    greedy.on('message', (data) => answers.push(data));
    const closed = new Promise<number>((resolve) => greedy.once('close', (code) => resolve(code)));
    // A well-formed public call, padded past the limit: answered, it would prove the host parsed it.
    greedy.send(JSON.stringify({ id: 1, call: 'session.agents', input: { padding: 'x'.repeat(maxFrameBytes) } }));
    expect(await closed).toBe(1009);
    expect(answers).toEqual([]);

    const answer = new Promise<WsServerMessage>((resolve) => other.once('message', (data) => resolve(JSON.parse(String(data)) as WsServerMessage)));
    other.send(JSON.stringify({ id: 2, call: 'session.agents', input: {} }));
    expect(await answer).toMatchObject({ id: 2, result: { ok: true } });
    other.close();
  });

  it('refuses a 50 MB frame from a socket that never signed in', async () => {
    const stranger = await open();
    const closed = new Promise<number>((resolve) => stranger.once('close', (code) => resolve(code)));
    stranger.send(Buffer.alloc(50 * 1024 * 1024, 0x20), { binary: false });
    expect(await closed).toBe(1009);
  });

  it('takes a 20 MB file in pieces over the WebSocket, and stores exactly that file', async () => {
    const transport = await socketTransport();
    try {
      const api = createApi(transport);
      await api.session.signIn({ login: 'camille.martin', password: 'demo' });
      const content = randomBytes(20 * 1024 * 1024);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const staged = await uploadFile(api, bytesSource('archives.zip', 'application/zip', content, sha256));
      expect(staged).toEqual({ sha256, size: content.length, mediaType: 'application/zip', displayName: 'archives.zip' });
      expect(createBlobStore(core.dataDir).has(sha256)).toBe(true);
    } finally {
      transport.close();
    }
  });
});
