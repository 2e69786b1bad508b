import type { Envelope } from '../../../shared/contract/errors';
import { isEventName, type EventName } from '../../../shared/contract/events';
import type { CallName } from '../../../shared/contract/names';
import { exceedsFrameLimit, frameTooLarge, wsPath, type Transport, type WsRequest } from '../../../shared/contract/transport';

/** `connecting` only before the first success; afterwards a lost link stays `reconnecting` until back. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** A transport the app can watch, so the UI can say "Reconnexion…" instead of failing silently. */
export interface AppTransport extends Transport {
  readonly status: ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Stops for good (tests, page teardown): pending calls fail, no reconnection. */
  close(): void;
}

export const unavailableEnvelope: Envelope<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'Connexion au service perdue…' },
};

export interface WsTransportOptions {
  /** First reconnection delay; it doubles at each failed attempt up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** The WebSocket class; the page's by default. */
  WebSocket?: typeof WebSocket;
}

type Resolve = (envelope: Envelope<unknown>) => void;
type EventListener = (name: EventName, payload: unknown) => void;

/**
 * The browser host's transport: one WebSocket for the tab, requests paired with answers by id,
 * events fanned out. The socket is the only link to the core, so every failure becomes an
 * `unavailable` envelope rather than a promise that never settles.
 */
export function createWsTransport(url: string, options: WsTransportOptions = {}): AppTransport {
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;

  let socket: WebSocket | null = null;
  let status: ConnectionStatus = 'connecting';
  let failedAttempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let nextId = 1;
  const pending = new Map<number, Resolve>();
  /** Frames written while no socket was open; their ids are already in `pending`. */
  const outbox: string[] = [];
  const listeners = new Set<EventListener>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();

  function setStatus(next: ConnectionStatus): void {
    if (status === next) return;
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  }

  function failPending(): void {
    outbox.length = 0;
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) resolve(unavailableEnvelope);
  }

  function scheduleReconnect(): void {
    setStatus('reconnecting');
    const delay = Math.min(maxDelay, minDelay * 2 ** failedAttempts);
    failedAttempts += 1;
    retryTimer = setTimeout(connect, delay);
  }

  function connect(): void {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    let ws: WebSocket;
    try {
      ws = new Socket(url);
    } catch {
      failPending();
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      failedAttempts = 0;
      setStatus('open');
      for (const frame of outbox.splice(0)) ws.send(frame);
    };
    ws.onmessage = (event: MessageEvent) => {
      if (socket === ws && typeof event.data === 'string') receive(event.data);
    };
    // `error` is always followed by `close`: handling `close` alone covers both.
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending();
      if (!stopped) scheduleReconnect();
    };
  }

  function receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { id, result, event, payload } = message as { id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
    if (typeof id === 'number') {
      const resolve = pending.get(id);
      if (!resolve) return;
      pending.delete(id);
      resolve(isEnvelope(result) ? result : malformed);
      return;
    }
    if (isEventName(event)) {
      for (const listener of [...listeners]) listener(event, payload);
    }
  }

  connect();

  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    invoke(name: CallName, input: unknown): Promise<Envelope<unknown>> {
      if (stopped) return Promise.resolve(unavailableEnvelope);
      const id = nextId++;
      let frame: string;
      try {
        frame = JSON.stringify({ id, call: name, input } satisfies WsRequest);
      } catch {
        return Promise.resolve(unsendable);
      }
      // The host would close the socket on it, and a new socket is a new sign-in: refuse it here.
      if (exceedsFrameLimit(frame)) return Promise.resolve(frameTooLarge);
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === Socket.OPEN) {
          socket.send(frame);
          return;
        }
        outbox.push(frame);
        // Waiting for the next scheduled attempt would leave the agent staring at a spinner: a call
        // is a reason to try now. The backoff still grows if this attempt fails too.
        if (!socket) connect();
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      ws?.close();
      failPending();
      setStatus('closed');
    },
  };
}

const malformed: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'Réponse du service illisible.' },
};

const unsendable: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'Données impossibles à envoyer au service.' },
};

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

const tokenKey = 'unified.token';

/**
 * The host prints its address with the secret as `?token=`. Kept per tab in sessionStorage so a
 * reload still connects, then taken out of the address bar so it is not bookmarked, shared or shown
 * on screen. Must run before the router starts: hash history copies the search part into every URL.
 */
export function captureToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl === null) return readStored();
  try {
    sessionStorage.setItem(tokenKey, fromUrl);
  } catch {
    // Storage disabled: the token still works for this page, a reload will need the address again.
  }
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return fromUrl;
}

function readStored(): string | null {
  try {
    return sessionStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

/** The host's WebSocket address for this page: same host, `wss:` when the page came over https. */
export function wsUrlFor(token: string | null, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}://${location.host}${wsPath}${query}`;
}
