import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { fail, internalError, maxFrameBytes, type Envelope, type WsServerMessage } from '../../shared/contract';
import type { Connection, Core } from '../core/create-core';
import { isAdmittedUpgrade, peerAddress, type HostIdentity } from './host-guard';
import { parseRequest } from './ws-request';

/** 1003: the endpoint received data it cannot accept (RFC 6455 §7.4.1). */
const unacceptable = 1003;
/** 1011: the server met a condition it did not expect. */
const serverError = 1011;

const internal = fail(internalError);

export interface WsEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * One WebSocket per browser tab, one core Connection (its own sign-in) per WebSocket. Every path a
 * client's bytes take (the upgrade, each frame, each answer) is wrapped: whatever a client sends,
 * the worst it gets is its own socket closed, never the host ended for every other tab.
 */
export function createWsEndpoint(core: Core, identity: () => HostIdentity): WsEndpoint {
  // `ws` refuses a larger frame from its header (1009), before buffering it, let alone parsing it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    // Sign-ins are throttled per client address too.
    serveSocket(socket, core.connect({ address: peerAddress(req) }));
  });

  return {
    handleUpgrade(req, socket, head) {
      // Node's HTTP server stops listening for errors on a socket it hands over for an upgrade: a
      // client resetting it (even one about to be refused) would otherwise throw in the process.
      socket.on('error', () => socket.destroy());
      if (!isAdmittedUpgrade(identity(), req)) {
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

function serveSocket(socket: WebSocket, connection: Connection): void {
  const send = (message: WsServerMessage) => {
    const text = encode(message);
    if (text === null || socket.readyState !== socket.OPEN) return;
    socket.send(text, (error) => {
      // A write failing means the peer is gone; `close` follows and ends the connection.
      if (error) socket.terminate();
    });
  };
  connection.onEvent((event, payload) => send({ event, payload }));

  async function answer(data: RawData, isBinary: boolean): Promise<void> {
    // Only our client speaks here, and it sends JSON text: anything else closes the socket.
    const request = isBinary ? null : parseRequest(data);
    if (!request) {
      socket.close(unacceptable, 'bad request');
      return;
    }
    send({ id: request.id, result: await connection.call(request.call, request.input) });
  }

  socket.on('message', (data, isBinary) => {
    answer(data, isBinary).catch((error: unknown) => {
      console.error('[host] a WebSocket frame failed', error);
      socket.close(serverError);
    });
  });
  socket.on('close', () => connection.close());
  socket.on('error', () => connection.close());
}

/** An answer whose result cannot be written as JSON still answers its request: with `internal`. */
function encode(message: WsServerMessage): string | null {
  try {
    return JSON.stringify(message);
  } catch (error) {
    console.error('[host] a message could not be encoded', error);
    return 'id' in message ? JSON.stringify({ id: message.id, result: internal satisfies Envelope<never> }) : null;
  }
}
