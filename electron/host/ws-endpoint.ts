import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { wsPath, type WsRequest, type WsServerMessage } from '../../shared/contract';
import type { Core } from '../core/create-core';
import { isAllowedHost, isAllowedOrigin, isRightToken, type HostIdentity } from './host-guard';

/** Attachments will travel as base64 in calls: large enough for them, bounded against abuse. */
const maxMessageBytes = 64 * 1024 * 1024;

export interface WsEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/** One WebSocket per browser tab, one core Connection (its own sign-in) per WebSocket. */
export function createWsEndpoint(core: Core, identity: () => HostIdentity): WsEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    // Sign-ins are throttled per client address too.
    const connection = core.connect({ address: req.socket.remoteAddress ?? 'unknown' });
    const send = (message: WsServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    connection.onEvent((event, payload) => send({ event, payload }));
    socket.on('message', async (data) => {
      const request = parseRequest(data.toString());
      if (!request) {
        socket.close(1003, 'bad request');
        return;
      }
      send({ id: request.id, result: await connection.call(request.call, request.input) });
    });
    socket.on('close', () => connection.close());
    socket.on('error', () => connection.close());
  });

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const id = identity();
      const allowed =
        url.pathname === wsPath &&
        isAllowedHost(id, req.headers.host) &&
        isAllowedOrigin(id, req.headers.origin) &&
        isRightToken(id, url.searchParams.get('token'));
      if (!allowed) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** A frame that is not a well-formed request closes the socket: only our client speaks here. */
function parseRequest(text: string): WsRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, call } = value as Partial<WsRequest>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof call !== 'string') return null;
  return { id, call, input: (value as WsRequest).input };
}

