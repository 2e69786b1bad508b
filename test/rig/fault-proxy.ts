import { connect, createServer, type Socket } from 'node:net';
import { LOOPBACK } from './ports';

/**
 * A TCP relay put between the app and a rig server (Dovecot, SMTP) that breaks the network the
 * way real networks break: connections that go silent (a NAT that forgot the flow, a laptop
 * asleep), resets in the middle of a response, a server that refuses connections. The protocol
 * spoken is the real server's own; only the wire misbehaves. The kernel's `netem` is not
 * available on these machines (see the rig's recipe), hence a proxy.
 */
export interface FaultProxy {
  readonly port: number;
  /** When each connection came (performance.now()), refused ones included, oldest first. */
  readonly accepted: readonly number[];
  /** Connections cut by the proxy: refusals, resets and triggers. */
  readonly resets: number;
  /** New connections are relayed (the default). */
  pass(): void;
  /** New connections are accepted and never answered: a server stuck before its greeting. */
  silence(): void;
  /** Open connections stop relaying, without FIN or RST: they look alive and carry nothing. */
  freezeOpen(): void;
  /** New connections are reset as soon as accepted, as by a server that is down; open ones are cut. */
  refuse(): void;
  /** Cuts every open connection now. */
  resetNow(): void;
  /** Cuts the first connection that meets `trigger`, once (later connections are relayed). */
  resetWhen(trigger: ResetTrigger): void;
  /** Resolves once the armed trigger has cut a connection. */
  triggered(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Where a one-shot reset happens:
 * - `server`: once the server sent `pattern` (its `occurrence`-th time, 1 by default) and then
 *   `thenBytes` more bytes (0 by default); without a pattern, after `thenBytes` bytes at once;
 * - `client`: when the client sends `pattern`, either before it reaches the server (`before`) or
 *   after, dropping the server's answer to it (`before_reply`: the server acted, the client
 *   never hears so, e.g. SMTP's end of data `\r\n.\r\n`).
 */
export type ResetTrigger =
  | { from: 'server'; pattern?: string; occurrence?: number; thenBytes?: number }
  | { from: 'client'; pattern: string; cut: 'before' | 'before_reply' };

type Mode = 'pass' | 'silence' | 'refuse';

interface Link {
  client: Socket;
  upstream: Socket | null;
  frozen: boolean;
  /** Bytes of the server still to relay before the armed cut; null until the trigger started counting. */
  countdown: number | null;
  occurrencesLeft: number;
  /** The client sent the pattern: the server's next bytes are dropped and the link cut. */
  dropReply: boolean;
  serverSeen: PatternScanner | null;
  clientSeen: PatternScanner | null;
}

const newLink = (client: Socket, upstream: Socket | null): Link => ({
  client,
  upstream,
  frozen: upstream === null,
  countdown: null,
  occurrencesLeft: 0,
  dropReply: false,
  serverSeen: null,
  clientSeen: null,
});

/** Finds a pattern in a stream of chunks, across chunk boundaries. */
class PatternScanner {
  private tail = Buffer.alloc(0);
  constructor(private readonly pattern: Buffer) {}

  /** Offsets in `chunk` just past each occurrence ending in it (may be ≤ 0 if it began in the tail). */
  ends(chunk: Buffer): number[] {
    const joined = Buffer.concat([this.tail, chunk]);
    const shift = this.tail.length;
    const found: number[] = [];
    for (let at = joined.indexOf(this.pattern); at >= 0; at = joined.indexOf(this.pattern, at + this.pattern.length)) {
      found.push(at + this.pattern.length - shift);
    }
    this.tail = joined.subarray(Math.max(0, joined.length - (this.pattern.length - 1)));
    return found;
  }
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const links = new Set<Link>();
  const accepted: number[] = [];
  let mode: Mode = 'pass';
  let resets = 0;
  let armed: ResetTrigger | null = null;
  let fired: () => void = () => undefined;
  let firing: Promise<void> = Promise.resolve();

  const cut = (link: Link) => {
    resets += 1;
    links.delete(link);
    link.client.resetAndDestroy();
    link.upstream?.destroy();
  };
  const cutByTrigger = (link: Link) => {
    armed = null;
    for (const other of links) other.serverSeen = other.clientSeen = null;
    cut(link);
    fired();
  };

  const arm = (link: Link) => {
    link.countdown = null;
    link.dropReply = false;
    link.serverSeen = link.clientSeen = null;
    if (armed?.from === 'server') {
      link.occurrencesLeft = armed.occurrence ?? 1;
      if (armed.pattern === undefined) link.countdown = armed.thenBytes ?? 0;
      else link.serverSeen = new PatternScanner(Buffer.from(armed.pattern, 'latin1'));
    }
    if (armed?.from === 'client') link.clientSeen = new PatternScanner(Buffer.from(armed.pattern, 'latin1'));
  };

  /** How many bytes of this server chunk go through before the cut; null: all, no cut. */
  const serverCutAt = (link: Link, chunk: Buffer): number | null => {
    if (link.dropReply) return 0;
    if (link.countdown === null && link.serverSeen && armed?.from === 'server') {
      for (const end of link.serverSeen.ends(chunk)) {
        link.occurrencesLeft -= 1;
        if (link.occurrencesLeft > 0) continue;
        const at = Math.max(0, end) + (armed.thenBytes ?? 0);
        if (at <= chunk.length) return at;
        link.countdown = at - chunk.length;
        return null;
      }
      return null;
    }
    if (link.countdown === null) return null;
    if (link.countdown <= chunk.length) return link.countdown;
    link.countdown -= chunk.length;
    return null;
  };

  const onServer = (link: Link, chunk: Buffer) => {
    if (link.frozen) return;
    const at = serverCutAt(link, chunk);
    if (at === null) return void link.client.write(chunk);
    // Whatever else comes before the cut is dropped.
    link.frozen = true;
    link.client.write(chunk.subarray(0, at), () => cutByTrigger(link));
  };

  const onClient = (link: Link, chunk: Buffer) => {
    if (link.frozen || !link.upstream) return;
    const ends = link.clientSeen?.ends(chunk) ?? [];
    if (ends.length === 0 || armed?.from !== 'client') return void link.upstream.write(chunk);
    if (armed.cut === 'before_reply') {
      link.dropReply = true;
      return void link.upstream.write(chunk);
    }
    const start = Math.max(0, (ends[0] ?? 0) - armed.pattern.length);
    link.frozen = true;
    link.upstream.write(chunk.subarray(0, start), () => cutByTrigger(link));
  };

  const relay = (client: Socket) => {
    const upstream = connect(targetPort, LOOPBACK);
    const link = newLink(client, upstream);
    arm(link);
    links.add(link);
    upstream.on('data', (chunk: Buffer) => onServer(link, chunk));
    client.on('data', (chunk: Buffer) => onClient(link, chunk));
    const end = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  };

  const server = createServer((client) => {
    accepted.push(performance.now());
    client.on('error', () => undefined);
    if (mode === 'refuse') {
      resets += 1;
      return void client.resetAndDestroy();
    }
    if (mode === 'pass') return relay(client);
    // Silent from the start: a server that accepts and never says a word.
    const link = newLink(client, null);
    links.add(link);
    client.on('close', () => links.delete(link));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  return {
    port: address.port,
    accepted,
    get resets() {
      return resets;
    },
    pass: () => void (mode = 'pass'),
    silence: () => void (mode = 'silence'),
    freezeOpen: () => links.forEach((link) => (link.frozen = true)),
    refuse() {
      mode = 'refuse';
      for (const link of [...links]) cut(link);
    },
    resetNow: () => [...links].forEach(cut),
    resetWhen(trigger) {
      armed = trigger;
      firing = new Promise((resolve) => (fired = resolve));
      links.forEach(arm);
    },
    triggered: () => firing,
    close: () =>
      new Promise((resolve) => {
        for (const link of links) {
          link.client.destroy();
          link.upstream?.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
