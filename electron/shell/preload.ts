import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeGlobal, fail, isCallName, isEventName, type Transport } from '../../shared/contract';
import { ipcChannels } from './ipc-channels';

/**
 * The renderer's Transport over IPC. Only contract names leave the page and only contract events
 * enter it; the page gets two functions, never `ipcRenderer` nor an IPC event (whose `sender` would
 * hand it IPC back).
 */
export function createIpcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    invoke: async (name, input) => {
      if (!isCallName(name)) {
        return fail({ code: 'unknown_call', message: `Appel inconnu : ${String(name).slice(0, 80)}.` });
      }
      try {
        return await ipc.invoke(ipcChannels.call, name, input);
      } catch {
        // The input could not be cloned, or the main process has no handler (yet, or any more).
        return fail({ code: 'unavailable', message: 'L’application ne répond pas. Réessayez dans un instant.' });
      }
    },
    subscribe: (listener) => {
      const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
        if (isEventName(name)) listener(name, payload);
      };
      ipc.on(ipcChannels.event, forward);
      return () => {
        ipc.removeListener(ipcChannels.event, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld(bridgeGlobal, createIpcTransport(ipcRenderer));
