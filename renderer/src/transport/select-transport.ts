import { ipcTransport } from './ipc-transport';
import { captureToken, createWsTransport, wsUrlFor, type AppTransport } from './ws-transport';

/** In the Electron window the preload's bridge; in a browser tab the host's WebSocket. */
export function selectTransport(): AppTransport {
  return ipcTransport() ?? createWsTransport(wsUrlFor(captureToken()));
}
