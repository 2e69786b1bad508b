import type { AgentSummary } from '../../../shared/domain/agent';
import type { CallName, CallOutput, CallParsedInput, Calls } from '../../../shared/contract';

/** Per-connection state: who is signed in on this window or browser tab. */
export interface CallContext {
  agent: AgentSummary | null;
  setAgent(agent: AgentSummary | null): void;
}

/** A signed-in context: the dispatcher checks `access` before calling an `agent` handler. */
export interface AgentContext extends CallContext {
  agent: AgentSummary;
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
