import { bridgeGlobal, type Transport } from '../../../shared/contract/transport';
import { unavailableEnvelope, type AppTransport } from './ws-transport';

/**
 * The Electron preload's Transport, when this page runs in the app's window. IPC lives as long as the
 * window, so its status is always `open`; a rejected invoke (main process gone, handler missing)
 * still becomes an envelope, as over the WebSocket.
 */
export function ipcTransport(): AppTransport | null {
  const bridge = typeof window === 'undefined' ? undefined : window[bridgeGlobal];
  return bridge ? wrapBridge(bridge) : null;
}

export function wrapBridge(bridge: Transport): AppTransport {
  return {
    status: 'open',
    onStatus: () => () => undefined,
    close: () => undefined,
    async invoke(name, input) {
      try {
        return await bridge.invoke(name, input);
      } catch {
        return unavailableEnvelope;
      }
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
