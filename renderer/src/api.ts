import { createApi, type Api } from '../../shared/contract/client';
import { ApiError, fail, internalError, type Envelope } from '../../shared/contract/errors';
import type { CallName } from '../../shared/contract/names';
import type { Transport } from '../../shared/contract/transport';
import { wrapBridge } from './transport/ipc-transport';
import { selectTransport } from './transport/select-transport';
import type { AppTransport } from './transport/ws-transport';

let active: { transport: AppTransport; api: Api } | null = null;
let sessionLost: () => void = () => undefined;

/**
 * Chooses the transport once, on first use. main.ts calls it before the router starts (the
 * WebSocket transport must take the token out of the URL first); tests call `installTransport`.
 */
export function appTransport(): AppTransport {
  active ??= build(selectTransport());
  return active.transport;
}

/** Replaces the transport, e.g. with a fake one in a test, before any store calls the api. */
export function installTransport(transport: Transport | AppTransport): void {
  active = build('status' in transport ? transport : wrapBridge(transport));
}

/**
 * Who is told when the core answers `unauthenticated` (it forgot this window's agent): the session
 * store registers itself, so this module needs no store and no import cycle. One listener, the
 * latest: a test's fresh Pinia replaces the previous one.
 */
export function onUnauthenticated(listener: () => void): void {
  sessionLost = listener;
}

function build(transport: AppTransport) {
  const guarded: Transport = {
    invoke: (name, input) => answer(transport, name, input),
    subscribe: (listener) => transport.subscribe(listener),
  };
  return { transport, api: createApi(guarded) };
}

/**
 * The one error path of every call: a transport that throws is a fault of ours (`internal`), so the
 * client always rejects with an ApiError; an expired session is handled here, once, for every store.
 */
async function answer(transport: Transport, name: CallName, input: unknown): Promise<Envelope<unknown>> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await transport.invoke(name, input);
  } catch {
    envelope = fail(internalError);
  }
  if (!envelope.ok && envelope.error.code === 'unauthenticated') sessionLost();
  return envelope;
}

/** The one typed client of the renderer (stores call it; components go through stores). */
export const api: Api = new Proxy({} as Api, {
  get(_target, key) {
    appTransport();
    return Reflect.get((active as { api: Api }).api, key);
  },
});

/** Whatever a call threw, as an ApiError: a bug in our own code is still shown as a message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(internalError);
}
