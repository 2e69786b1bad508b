import { createApi, type Api } from '../../shared/contract/client';
import { ApiError, internalError } from '../../shared/contract/errors';
import type { Transport } from '../../shared/contract/transport';
import { wrapBridge } from './transport/ipc-transport';
import { selectTransport } from './transport/select-transport';
import type { AppTransport } from './transport/ws-transport';

let active: { transport: AppTransport; api: Api } | null = null;

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

function build(transport: AppTransport) {
  return { transport, api: createApi(transport) };
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

/**
 * The text to show for a failed call. The core words its messages in French, precisely ("Agent ou
 * mot de passe incorrect."): the French UI shows them as they are; other languages get the
 * translation of the error's code.
 */
export function errorMessage(error: unknown, locale: string, translate: (key: string) => string): string {
  const apiError = toApiError(error);
  return locale === 'fr' && apiError.message ? apiError.message : translate(`errors.${apiError.code}`);
}
