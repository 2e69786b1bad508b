import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort, LOOPBACK } from '../../../rig';

/** Mail servers that misbehave on purpose, put between the outbox and the rig. */

export interface FaultyServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on a free loopback port; `close` also cuts every open connection. */
async function listen(server: Server, sockets: Set<Socket>): Promise<FaultyServer> {
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, LOOPBACK, resolve));
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function track(sockets: Set<Socket>, socket: Socket): void {
  sockets.add(socket);
  socket.on('error', () => undefined);
  socket.on('close', () => sockets.delete(socket));
}

/** Accepts and says nothing: a mail client waits there for the greeting, i.e. is stuck mid-send. */
export async function startSilentServer(): Promise<FaultyServer & { connections(): number }> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createServer((socket) => {
    count++;
    track(sockets, socket);
  });
  return { ...(await listen(server, sockets)), connections: () => count };
}

/**
 * Relays plaintext SMTP to the rig and cuts both sides at the end of the message: before the
 * final dot reaches the server (it cannot have accepted it), or once the server answered it (it
 * did). Either way the client wrote everything and heard nothing back.
 */
export async function startCuttingProxy(
  targetPort: number,
  cut: 'before_final_dot' | 'after_server_reply',
): Promise<FaultyServer & { cuts(): number }> {
  const sockets = new Set<Socket>();
  let cuts = 0;
  const server = createServer((client) => {
    const upstream = connect(targetPort, LOOPBACK);
    track(sockets, client);
    track(sockets, upstream);
    let written = '';
    let awaitingReply = false;
    const cutBoth = () => {
      cuts++;
      client.destroy();
      upstream.destroy();
    };
    upstream.on('data', (data: Buffer) => (awaitingReply ? cutBoth() : client.write(data)));
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (data: Buffer) => {
      written = (written + data.toString('latin1')).slice(-8192);
      if (written.includes('\r\n.\r\n')) {
        if (cut === 'before_final_dot') return cutBoth();
        awaitingReply = true;
      }
      upstream.write(data);
    });
  });
  return { ...(await listen(server, sockets)), cuts: () => cuts };
}
