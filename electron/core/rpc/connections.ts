import type { Envelope } from '../../../shared/contract';
import type { EventBus, EventListener } from '../event-bus';
import type { Clock } from '../ports';
import type { AgentNow } from '../services/session-service';
import { createConnectionSession, sessionEndings, type ConnectionSession } from './connection-session';
import { dispatch, type Logger } from './dispatcher';
import type { Handlers } from './handlers-type';

/** Who a connection serves: the transport says where its client is. */
export interface ConnectOptions {
  /** The client's network address (the socket's remote address); `local` for the desktop window. */
  address?: string;
}

/** One client of the core: a window (IPC) or a browser tab (WebSocket), with its own sign-in. */
export interface Connection {
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: EventListener): () => void;
  close(): void;
}

export interface ConnectionDeps {
  handlers: Handlers;
  events: EventBus;
  clock: Clock;
  log: Logger;
  sessions: { agentNow(agentId: number): AgentNow | null; idleMinutes(): number };
}

/**
 * The core's open connections. Each has its own session; together they are what « Se déconnecter
 * partout » reaches. A connection hears the centre's events only while its session is alive.
 */
export function createConnections(deps: ConnectionDeps) {
  const live = new Map<ConnectionSession, () => void>();

  function endEverywhere(agentId: number): void {
    for (const session of [...live.keys()]) session.endFor(agentId, sessionEndings.everywhere());
  }

  function connect(options: ConnectOptions = {}): Connection {
    const listeners = new Set<EventListener>();
    const tell: EventListener = (name, payload) => {
      for (const listener of [...listeners]) {
        try {
          listener(name, payload);
        } catch {
          // A broken window must not keep the others, or the core, from going on.
        }
      }
    };
    const session = createConnectionSession({
      agentNow: deps.sessions.agentNow,
      idleMinutes: deps.sessions.idleMinutes,
      clock: deps.clock,
      address: options.address ?? 'local',
      ended: (ending) => tell('session.ended', ending),
      endEverywhere,
    });
    // The centre's news (cases, sync, outbox) is for signed-in agents only: an anonymous socket
    // would otherwise watch every case change. Asked per event, as per call.
    const offBus = deps.events.subscribe((name, payload) => {
      if (listeners.size > 0 && session.check().kind === 'active') tell(name, payload);
    });
    const close = () => {
      offBus();
      listeners.clear();
      session.end();
      live.delete(session);
    };
    live.set(session, close);
    return {
      call: (name, input) => dispatch(deps.handlers, name, input, session, deps.log),
      onEvent: (listener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      close,
    };
  }

  return {
    connect,
    closeAll: () => {
      for (const close of [...live.values()]) close();
    },
  };
}
