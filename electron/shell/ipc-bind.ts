import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from './electron-api';
import { exceedsFrameLimit, fail, frameTooLarge, internalError, type Envelope } from '../../shared/contract';
import type { Connection, Core } from '../core/create-core';
import { ipcChannels } from './ipc-channels';
import { isTrustedSender } from './sender-check';

const forbidden = fail({
  code: 'forbidden',
  message: 'Cette fenêtre n’est pas autorisée à appeler l’application.',
});

const internal = fail(internalError);

const unreadable = fail({
  code: 'validation',
  message: 'Données illisibles : la demande n’a pas été traitée.',
});

/**
 * The call judged as the browser host judges its frames: by the size of its JSON, over the same
 * limit. IPC's structured clone carries what JSON cannot (cycles, BigInt): refused as well, so that
 * no input reaches the core over one transport that the other would not carry.
 */
function refusedFrame(name: unknown, input: unknown): Envelope<never> | null {
  let text: string;
  try {
    text = JSON.stringify({ call: name, input }) ?? '';
  } catch {
    return unreadable;
  }
  return exceedsFrameLimit(text) ? frameTooLarge : null;
}

type WindowLike = Pick<BrowserWindow, 'isDestroyed' | 'webContents'>;

/**
 * Binds the core to IPC: one handler for every call, the sender checked before anything else, one
 * core connection (hence one sign-in) per webContents, closed when the webContents goes away. A
 * refusal or a failure is an envelope, never a throw: IPC would keep only an Error's message.
 * Returns the unbinding, for quitting.
 */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<Core, 'connect'>,
  getWindow: () => WindowLike | null,
): () => void {
  const connections = new Map<WebContents, Connection>();

  function connectionFor(contents: WebContents): Connection {
    const existing = connections.get(contents);
    if (existing) return existing;
    const connection = core.connect({ address: 'local' });
    connection.onEvent((name, payload) => {
      if (!contents.isDestroyed()) contents.send(ipcChannels.event, name, payload);
    });
    connections.set(contents, connection);
    contents.once('destroyed', () => {
      connection.close();
      connections.delete(contents);
    });
    return connection;
  }

  function trusted(event: IpcMainInvokeEvent): boolean {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    const contents = window.webContents;
    return event.sender === contents && isTrustedSender(event.senderFrame, contents.mainFrame);
  }

  ipcMain.handle(ipcChannels.call, async (event, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!trusted(event)) return forbidden;
    const refused = refusedFrame(name, input);
    if (refused) return refused;
    try {
      return await connectionFor(event.sender).call(name, input);
    } catch {
      return internal;
    }
  });

  return () => {
    ipcMain.removeHandler(ipcChannels.call);
    for (const connection of connections.values()) connection.close();
    connections.clear();
  };
}
