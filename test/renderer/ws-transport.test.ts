// @vitest-environment happy-dom
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { frameTooLarge, maxFrameBytes, type WsRequest, type WsServerMessage } from '../../shared/contract/transport';
import {
  captureToken,
  createWsTransport,
  unavailableEnvelope,
  wsUrlFor,
  type AppTransport,
} from '../../renderer/src/transport/ws-transport';

type OnRequest = (request: WsRequest, socket: ServerSocket) => void;

interface TestServer {
  port: number;
  requests: WsRequest[];
  sockets: Set<ServerSocket>;
  broadcast(message: WsServerMessage): void;
  close(): Promise<void>;
}

const echo: OnRequest = (request, socket) =>
  socket.send(JSON.stringify({ id: request.id, result: { ok: true, data: { call: request.call, input: request.input } } }));

/** A real WebSocket server on a loopback port, speaking the host's frames. */
async function startServer(onRequest: OnRequest = echo, port = 0): Promise<TestServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const requests: WsRequest[] = [];
  const sockets = new Set<ServerSocket>();
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const request = JSON.parse(data.toString()) as WsRequest;
      requests.push(request);
      onRequest(request, socket);
    });
  });
  return {
    port: (wss.address() as AddressInfo).port,
    requests,
    sockets,
    broadcast: (message) => {
      for (const socket of sockets) socket.send(JSON.stringify(message));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}

const servers: TestServer[] = [];
const transports: AppTransport[] = [];

async function server(onRequest?: OnRequest, port?: number): Promise<TestServer> {
  const started = await startServer(onRequest, port);
  servers.push(started);
  return started;
}

function connect(port: number, options: { minDelayMs?: number; maxDelayMs?: number } = {}): AppTransport {
  const transport = createWsTransport(`ws://127.0.0.1:${port}/ws?token=test`, { minDelayMs: 20, maxDelayMs: 200, ...options });
  transports.push(transport);
  return transport;
}

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('the WebSocket transport', () => {
  it('queues calls made while connecting and pairs each answer with its call, in any order', async () => {
    const host = await server((request, socket) => {
      // The first call is answered last: pairing must follow ids, not arrival order.
      setTimeout(() => echo(request, socket), request.call === 'desk.list' ? 80 : 0);
    });
    const transport = connect(host.port);
    expect(transport.status).toBe('connecting');

    const slow = transport.invoke('desk.list', { desk: { kind: 'in_progress' } });
    const fast = transport.invoke('session.current', {});
    const [slowResult, fastResult] = await Promise.all([slow, fast]);

    expect(slowResult).toEqual({ ok: true, data: { call: 'desk.list', input: { desk: { kind: 'in_progress' } } } });
    expect(fastResult).toEqual({ ok: true, data: { call: 'session.current', input: {} } });
    expect(transport.status).toBe('open');
    const ids = host.requests.map((request) => request.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('fans events out to every subscriber and stops after unsubscribing', async () => {
    const host = await server();
    const transport = connect(host.port);
    await transport.invoke('app.info', {}); // open and known to the server

    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = transport.subscribe((name, payload) => first.push([name, payload]));
    transport.subscribe((name, payload) => second.push([name, payload]));

    const payload = { caseId: 7, version: 2, state: 'todo', assigneeId: null, queueId: 1 };
    host.broadcast({ event: 'case.changed', payload });
    // Not an event of the contract: dropped rather than passed to listeners.
    host.broadcast({ event: 'not.an.event', payload: {} } as unknown as WsServerMessage);
    await expect.poll(() => second.length).toBe(1);
    expect(first).toEqual([['case.changed', payload]]);

    stopFirst();
    host.broadcast({ event: 'case.changed', payload });
    await expect.poll(() => second.length).toBe(2);
    expect(first).toHaveLength(1);
  });

  it("fails pending calls with 'unavailable' when the server goes away, then reconnects", async () => {
    let host = await server((request, socket) => {
      // Never answers the call: the server dies with it in flight.
      if (request.call === 'desk.queues') void host.close();
      else echo(request, socket);
    });
    const port = host.port;
    const transport = connect(port);
    const statuses: string[] = [];
    transport.onStatus((status) => statuses.push(status));

    const inFlight = await transport.invoke('desk.queues', {});
    expect(inFlight).toEqual(unavailableEnvelope);
    expect(inFlight.ok === false && inFlight.error.message).toBe('Connexion au service perdue…');
    expect(transport.status).toBe('reconnecting');

    host = await server(echo, port);
    await expect.poll(() => transport.status, { timeout: 5_000 }).toBe('open');
    expect(statuses).toEqual(['open', 'reconnecting', 'open']);
    expect(await transport.invoke('session.current', {})).toEqual({ ok: true, data: { call: 'session.current', input: {} } });
  });

  it('answers at once, without waiting for the backoff, when a call is made while disconnected', async () => {
    const probe = await startServer();
    const port = probe.port;
    await probe.close(); // a free port with nothing listening yet

    const transport = connect(port, { minDelayMs: 60_000, maxDelayMs: 60_000 });
    await expect.poll(() => transport.status).toBe('reconnecting');
    await server(echo, port);

    // The next scheduled attempt is a minute away: the call itself must bring the link back.
    expect(await transport.invoke('app.info', {})).toEqual({ ok: true, data: { call: 'app.info', input: {} } });
    expect(transport.status).toBe('open');
  });

  it('fails every call once closed for good', async () => {
    const host = await server(() => undefined);
    const transport = connect(host.port);
    const pending = transport.invoke('app.info', {});
    transport.close();
    expect(await pending).toEqual(unavailableEnvelope);
    expect(await transport.invoke('app.info', {})).toEqual(unavailableEnvelope);
    expect(transport.status).toBe('closed');
  });
});

describe('the frame size limit', () => {
  it('refuses to send a call over the limit, in French, and keeps its socket (and so its sign-in)', async () => {
    const host = await server();
    const transport = connect(host.port);
    await transport.invoke('app.info', {});

    // Accented text: its characters fit the limit, its UTF-8 bytes do not.
    const tooLarge = await transport.invoke('replies.preview', { html: 'é'.repeat(maxFrameBytes / 2) });
    expect(tooLarge).toEqual(frameTooLarge);
    expect(tooLarge.ok === false && tooLarge.error.message).toMatch(/^La demande dépasse 4 Mo/);
    expect(await transport.invoke('session.current', {})).toMatchObject({ ok: true });
    expect(host.requests.map((request) => request.call)).toEqual(['app.info', 'session.current']);
    expect(transport.status).toBe('open');
  });
});

describe('the token of the browser host', () => {
  it('is taken from the address, kept for this tab, and removed from the address bar', () => {
    sessionStorage.clear();
    window.history.replaceState(null, '', '/?token=s3cr%2Fet&x=1#/connexion');

    expect(captureToken()).toBe('s3cr/et');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#/connexion');
    expect(window.location.href).not.toContain('token');

    // A reload finds no token in the address but still has it for this tab.
    expect(captureToken()).toBe('s3cr/et');
  });

  it('goes to the same host, on wss when the page came over https', () => {
    expect(wsUrlFor('a b', { protocol: 'http:', host: '127.0.0.1:4100' } as Location)).toBe(
      'ws://127.0.0.1:4100/ws?token=a%20b',
    );
    expect(wsUrlFor('t', { protocol: 'https:', host: 'desk.example' } as Location)).toBe('wss://desk.example/ws?token=t');
    expect(wsUrlFor(null, { protocol: 'http:', host: 'localhost:1' } as Location)).toBe('ws://localhost:1/ws');
  });
});
