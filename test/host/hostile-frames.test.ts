import { connect as connectTcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '../../shared/contract';
import { startHostedProcess, type HostedProcess } from './hosted-process';

let hosted: HostedProcess;

beforeAll(async () => {
  hosted = await startHostedProcess();
});

afterAll(async () => {
  await hosted?.stop();
});

const origin = () => `http://127.0.0.1:${hosted.port}`;

function open(): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${hosted.port}/ws?token=${hosted.token}`, { headers: { Origin: origin() } });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** The close code the host ends the socket with after `act`, answers collected meanwhile. */
async function closeAfter(act: (socket: WebSocket) => void): Promise<{ code: number; answers: WsServerMessage[] }> {
  const socket = await open();
  const answers: WsServerMessage[] = [];
  socket.on('message', (data) => answers.push(JSON.parse(String(data)) as WsServerMessage));
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  act(socket);
  return { code: await closed, answers };
}

/** A call on a fresh socket: the host is alive and still answers. */
async function stillAnswers(): Promise<void> {
  expect(hosted.exit()).toBeNull();
  const socket = await open();
  const answer = new Promise<WsServerMessage>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as WsServerMessage)));
  socket.send(JSON.stringify({ id: 1, call: 'session.agents', input: {} }));
  expect(await answer).toMatchObject({ id: 1, result: { ok: true } });
  socket.close();
}

/** Writes raw bytes on a TCP connection to the host; resolves with what came back until it closed. */
function rawExchange(bytes: string, { reset = false } = {}): Promise<string> {
  return new Promise((resolve) => {
    const tcp = connectTcp(hosted.port, '127.0.0.1');
    let reply = '';
    tcp.setEncoding('utf8');
    tcp.on('data', (text: string) => (reply += text));
    tcp.on('error', () => resolve(reply));
    tcp.on('close', () => resolve(reply));
    tcp.on('connect', () => {
      tcp.write(bytes);
      if (reset) tcp.resetAndDestroy();
      else setTimeout(() => tcp.end(), 200);
    });
  });
}

const upgrade = (target: string, token: string) =>
  `GET ${target}${token ? `?token=${token}` : ''} HTTP/1.1\r\nHost: 127.0.0.1:${hosted.port}\r\nOrigin: ${origin()}\r\n` +
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';

describe('the browser host process against hostile input', () => {
  it('refuses an upgrade to a path that is no URL, and lives on', async () => {
    expect(await rawExchange(upgrade('//', ''))).toMatch(/^HTTP\/1\.1 (400|403)/);
    await stillAnswers();
  });

  it('lives on when a refused client resets its connection at once', async () => {
    await Promise.all(Array.from({ length: 20 }, () => rawExchange(upgrade('/ws', 'wrong'), { reset: true })));
    await stillAnswers();
  });

  it('refuses a binary frame, even one holding a well-formed request', async () => {
    const { code, answers } = await closeAfter((socket) =>
      socket.send(Buffer.from(JSON.stringify({ id: 1, call: 'session.agents', input: {} })), { binary: true }),
    );
    expect(code).toBe(1003);
    expect(answers).toEqual([]);
    await stillAnswers();
  });

  it('refuses a text frame that is not UTF-8', async () => {
    const { code } = await closeAfter((socket) => socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }));
    expect(code).toBe(1007);
    await stillAnswers();
  });

  it.each([
    ['an id too large to be exact', '{"id":9007199254740993,"call":"session.agents","input":{}}'],
    ['an id beyond any number', '{"id":1e400,"call":"session.agents","input":{}}'],
    ['a negative fraction as id', '{"id":-0.5,"call":"session.agents","input":{}}'],
    ['JSON that is not an object', '[1,2,3]'],
    ['a bare string', '"session.agents"'],
    ['null', 'null'],
    ['the id hidden behind __proto__', '{"__proto__":{"id":1},"call":"session.agents","input":{}}'],
    ['a request nested 10 000 deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ])('closes the socket on %s', async (_name, frame) => {
    const { code, answers } = await closeAfter((socket) => socket.send(frame));
    expect(code).toBe(1003);
    expect(answers).toEqual([]);
    await stillAnswers();
  });

  it('answers an input nested 10 000 deep with a validation error', async () => {
    const socket = await open();
    const answer = new Promise<WsServerMessage>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as WsServerMessage)));
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    socket.send(`{"id":7,"call":"session.signIn","input":{"agentId":${deep},"password":${deep}}}`);
    expect(await answer).toMatchObject({ id: 7, result: { ok: false, error: { code: 'validation' } } });
    socket.close();
    await stillAnswers();
  });

  it('does not sign in through __proto__ keys', async () => {
    const socket = await open();
    const answers: WsServerMessage[] = [];
    socket.on('message', (data) => answers.push(JSON.parse(String(data)) as WsServerMessage));
    socket.send('{"id":1,"call":"session.signIn","input":{"__proto__":{"agentId":1,"password":"demo"}}}');
    socket.send('{"id":2,"call":"desk.list","input":{"__proto__":{"desk":{"kind":"in_progress"}}}}');
    await expect.poll(() => answers.length).toBe(2);
    expect(answers).toMatchObject([
      { id: 1, result: { ok: false, error: { code: 'validation' } } },
      { id: 2, result: { ok: false } },
    ]);
    socket.close();
    await stillAnswers();
  });

  it('answers a request sent in fragments, and survives a socket closed before its answer', async () => {
    const socket = await open();
    const answer = new Promise<WsServerMessage>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as WsServerMessage)));
    socket.send('{"id":3,"call":"sess', { fin: false });
    socket.send('ion.agents","input":{}}', { fin: true });
    expect(await answer).toMatchObject({ id: 3, result: { ok: true } });
    for (let id = 1; id <= 50; id += 1) socket.send(JSON.stringify({ id, call: 'session.agents', input: {} }));
    socket.terminate();
    await stillAnswers();
  });
});
