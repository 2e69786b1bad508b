import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../electron/core/create-core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import type { WsServerMessage } from '../../shared/contract';

let dir: string;
let core: Core;
let host: BrowserHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ud-host-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Unified Desktop</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'not for the web');
  core = createCore({ dataDir: path.join(dir, 'data'), migrationsFolder: path.resolve('drizzle'), demo: true });
  host = await startBrowserHost({ core, rendererDir });
});

afterAll(async () => {
  await host.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: urlPath, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const origin = () => `http://127.0.0.1:${host.port}`;

function openSocket(query: string, headers: Record<string, string>) {
  return new WebSocket(`ws://127.0.0.1:${host.port}/ws${query}`, { headers });
}

/** Resolves 'open' or the HTTP status the server refused the upgrade with. */
function outcome(socket: WebSocket) {
  return new Promise<string>((resolve) => {
    socket.on('open', () => resolve('open'));
    socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    socket.on('error', () => resolve('error'));
  });
}

/** A raw client of the WebSocket protocol: the frames are what is under test here. */
async function connectRaw() {
  const socket = openSocket(`?token=${host.token}`, { Origin: origin() });
  expect(await outcome(socket)).toBe('open');
  const messages: WsServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as WsServerMessage));
  let nextId = 1;
  const call = async (name: string, input: unknown) => {
    const id = nextId++;
    socket.send(JSON.stringify({ id, call: name, input }));
    await expect.poll(() => messages.some((m) => 'id' in m && m.id === id)).toBe(true);
    const answer = messages.find((m) => 'id' in m && m.id === id);
    return answer && 'result' in answer ? answer.result : undefined;
  };
  return { socket, messages, call };
}

describe('browser host: static files', () => {
  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Unified Desktop');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their media type', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/nope.js'])(
    'refuses %s',
    async (urlPath) => {
      const res = await get(urlPath);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('not for the web');
    },
  );

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get('/', { Host: `evil.example:${host.port}` });
    expect(res.status).toBe(421);
  });
});

describe('browser host: WebSocket admission', () => {
  it('refuses a WebSocket without the secret', async () => {
    expect(await outcome(openSocket('', { Origin: origin() }))).toBe('403');
  });

  it('refuses a WebSocket with a wrong secret', async () => {
    expect(await outcome(openSocket('?token=guess', { Origin: origin() }))).toBe('403');
  });

  it('refuses a WebSocket from another origin, even with the secret', async () => {
    expect(await outcome(openSocket(`?token=${host.token}`, { Origin: 'http://evil.example' }))).toBe('403');
  });

  it('refuses a WebSocket without an Origin header', async () => {
    expect(await outcome(openSocket(`?token=${host.token}`, {}))).toBe('403');
  });
});

describe('browser host: the contract over the WebSocket', () => {
  it('answers a public call', async () => {
    const { socket, call } = await connectRaw();
    const result = await call('session.agents', {});
    expect(result).toMatchObject({ ok: true });
    socket.close();
  });

  it('answers a bad payload with the typed validation error', async () => {
    const { socket, call } = await connectRaw();
    const result = await call('session.signIn', { login: 42, password: '' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { login: expect.any(String), password: 'Saisissez votre mot de passe.' } },
    });
    socket.close();
  });

  it('answers an unknown call with unknown_call', async () => {
    const { socket, call } = await connectRaw();
    expect(await call('admin.dropEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    socket.close();
  });

  it('keeps each connection signed in on its own', async () => {
    const a = await connectRaw();
    const b = await connectRaw();
    const agents = (await a.call('session.agents', {})) as { ok: true; data: Array<{ login: string }> };
    const first = agents.data[0];
    expect(first).toBeDefined();
    expect(await a.call('session.signIn', { login: first?.login, password: 'demo' })).toMatchObject({ ok: true });
    expect(await a.call('desk.list', { desk: { kind: 'in_progress' } })).toMatchObject({ ok: true });
    expect(await b.call('desk.list', { desk: { kind: 'in_progress' } })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    a.socket.close();
    b.socket.close();
  });

  it('pushes core events to every signed-in client', async () => {
    const { socket, messages, call } = await connectRaw();
    expect(await call('session.signIn', { login: 'camille.martin', password: 'demo' })).toMatchObject({ ok: true });
    const payload = { caseId: 7, version: 2, state: 'closed' as const, assigneeId: 1, queueId: 1 };
    core.events.emit('case.changed', payload);
    await expect.poll(() => messages.find((m) => 'event' in m)).toEqual({ event: 'case.changed', payload });
    socket.close();
  });

  it('closes the socket on a frame that is not a request', async () => {
    const { socket } = await connectRaw();
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('not json');
    expect(await closed).toBe(1003);
  });
});
