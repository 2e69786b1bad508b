import { connect, createServer, type Socket } from 'node:net';
import { LOOPBACK } from '../../../../rig';

/**
 * A TCP relay in front of the rig's Dovecot that can turn the connections it carries into black
 * holes: sockets stay open but nothing goes through, as after a NAT drops a flow or a laptop
 * sleeps. This is a network fault, not a fake server: the IMAP spoken is Dovecot's own.
 */
export interface FreezableProxy {
  port: number;
  /** Connections opened so far. */
  readonly opened: number;
  /** Stops relaying on every open connection; later connections are relayed normally. */
  freezeExisting(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
  frozen: boolean;
}

function relay(pair: Pair): void {
  const { client, upstream } = pair;
  client.on('data', (chunk) => void (pair.frozen || upstream.write(chunk)));
  upstream.on('data', (chunk) => void (pair.frozen || client.write(chunk)));
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  for (const socket of [client, upstream]) {
    socket.on('error', end);
    socket.on('close', end);
  }
}

export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const pairs = new Set<Pair>();
  let opened = 0;
  const server = createServer((client) => {
    opened += 1;
    const pair = { client, upstream: connect(targetPort, LOOPBACK), frozen: false };
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
    relay(pair);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    get opened() {
      return opened;
    },
    freezeExisting: () => pairs.forEach((pair) => (pair.frozen = true)),
    close: () =>
      new Promise((resolve) => {
        pairs.forEach((pair) => pair.client.destroy());
        server.close(() => resolve());
      }),
  };
}
