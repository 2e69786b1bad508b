import type { AgentSummary } from '../../../shared/domain/agent';
import type { CallName, CallOutput, CallParsedInput } from '../../../shared/contract';

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
