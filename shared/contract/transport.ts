import type { Envelope } from './errors';
import type { CallName } from './names';
import type { EventName } from './events';

/**
 * What a transport carries, and all it carries: Electron IPC (preload) and the browser host's
 * WebSocket both implement it, so the typed client is the same over either.
 */
export interface Transport {
  invoke(name: CallName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

/** The messages of the WebSocket transport (JSON, one per frame). */
export type WsRequest = { id: number; call: string; input: unknown };
export type WsServerMessage =
  | { id: number; result: Envelope<unknown> }
  | { event: EventName; payload: unknown };

/** The global under which the Electron preload exposes its Transport to the renderer. */
export const bridgeGlobal = 'unifiedBridge';

/** Path of the browser host's WebSocket; the secret travels as `?token=`. */
export const wsPath = '/ws';
