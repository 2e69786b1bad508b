import { fail, type Envelope } from './errors';
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

/**
 * The largest call either transport takes, in bytes of its JSON: an address-book import of 2 Mi
 * characters (`importMaxChars`, escaped and UTF-8 encoded) fits, and so does a 1 M-character reply;
 * files travel in pieces of `uploadChunkBytes`. The browser host's WebSocket refuses a larger frame
 * before buffering it (`ws`'s `maxPayload`), the Electron IPC handler before the core sees it; the
 * renderer refuses to send one (`frameTooLarge`) rather than lose its socket.
 */
export const maxFrameBytes = 4 * 1024 * 1024;

export const frameTooLarge: Envelope<never> = fail({
  code: 'refused',
  message: `La demande dépasse ${maxFrameBytes / (1024 * 1024)} Mo : elle n’a pas été envoyée. Raccourcissez le texte ou découpez le fichier.`,
});

/** Whether a call written as JSON text is over the limit (counted in UTF-8 bytes, as `ws` counts). */
export function exceedsFrameLimit(text: string): boolean {
  // Every UTF-16 unit takes at most 3 bytes: most frames are decided without encoding them.
  if (text.length * 3 <= maxFrameBytes) return false;
  return text.length > maxFrameBytes || new TextEncoder().encode(text).length > maxFrameBytes;
}
