import type { AgentSummary } from '../../../shared/domain/agent';
import type { CallName, CallOutput, CallParsedInput, Calls } from '../../../shared/contract';

/** What a call may do to its connection's session (sign in, sign out). */
export interface SessionControl {
  /** Only the agent's id is kept: role, rights and active flag are read again at every call. */
  begin(agentId: number): void;
  end(): void;
  /** Ends every session of the signed-in agent, on every connection (« Se déconnecter partout »). */
  endEverywhere(): void;
}

/**
 * Who is signed in on a connection, as the dispatcher asks before every call: `ended` when the
 * session stopped by itself (account deactivated…), with the French sentence that says why.
 */
export type SessionCheck =
  | { kind: 'none' }
  | { kind: 'ended'; message: string }
  | { kind: 'active'; agent: AgentSummary };

/** One connection as the dispatcher sees it: its session, and where its calls come from. */
export interface Caller extends SessionControl {
  check(): SessionCheck;
  /** A call is activity: the idle limit counts from the last one (events are not). */
  touch(): void;
  /** The client's network address (`local` for the desktop window): sign-ins are throttled by it. */
  readonly address: string;
}

/** What a handler receives: the agent as the database describes them for this very call. */
export interface CallContext extends SessionControl {
  readonly agent: AgentSummary | null;
  readonly address: string;
}

/** A signed-in context: the dispatcher checks `access` before calling an `agent` handler. */
export interface AgentContext extends CallContext {
  readonly agent: AgentSummary;
}

export type Handler<K extends CallName> = (
  input: CallParsedInput<K>,
  ctx: AgentContext,
) => CallOutput<K> | Promise<CallOutput<K>>;

/** One handler per call of the contract: a missing one is a compile error. */
export type Handlers = { [K in CallName]: Handler<K> };

/** The handlers of one namespace (`desk` → `list`, `queues`…), written in their own module. */
export type NamespaceHandlers<N extends keyof Calls> = {
  [M in keyof Calls[N]]: Handler<`${N & string}.${M & string}` & CallName>;
};

export type HandlersByNamespace = { [N in keyof Calls]: NamespaceHandlers<N> };

export function flattenHandlers(byNamespace: HandlersByNamespace): Handlers {
  const flat: Record<string, unknown> = {};
  for (const [ns, methods] of Object.entries(byNamespace)) {
    for (const [method, handler] of Object.entries(methods as Record<string, unknown>)) {
      flat[`${ns}.${method}`] = handler;
    }
  }
  return flat as Handlers;
}
