import { calls, type Calls } from './calls';
import { ApiError } from './errors';
import type { EventName, EventPayload } from './events';
import type { CallInput, CallName, CallOutput } from './names';
import type { Transport } from './transport';

type Method<K extends CallName> =
  // Calls whose input is an empty object may be called without argument.
  Record<string, never> extends CallInput<K>
    ? (input?: CallInput<K>) => Promise<CallOutput<K>>
    : (input: CallInput<K>) => Promise<CallOutput<K>>;

export type Api = {
  [N in keyof Calls]: { [M in keyof Calls[N]]: Method<`${N & string}.${M & string}` & CallName> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * The one typed client of the renderer (and of the tests), built from the contract. A failed call
 * rejects with an ApiError carrying the core's code, French message and field paths.
 */
export function createApi(transport: Transport): Api {
  const api: Record<string, unknown> = {};
  for (const [ns, methods] of Object.entries(calls)) {
    const group: Record<string, unknown> = {};
    for (const method of Object.keys(methods)) {
      const name = `${ns}.${method}` as CallName;
      group[method] = async (input: unknown = {}) => {
        const envelope = await transport.invoke(name, input);
        if (!envelope.ok) throw new ApiError(envelope.error);
        return envelope.data;
      };
    }
    api[ns] = group;
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  return api as Api;
}
