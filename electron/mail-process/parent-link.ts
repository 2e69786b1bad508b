import type { FromMail } from './protocol';

/** The mail process's end of the link to main, whatever carries it. */
export interface MailLink {
  send(message: FromMail): void;
  /** Raw messages: the receiver parses them. */
  onMessage(listener: (message: unknown) => void): void;
  /** Main went away without saying stop (Node IPC only: Electron ends a utility process with its parent). */
  onDisconnect(listener: () => void): void;
}

/**
 * `process.parentPort` of an Electron utility process, typed here because this process never imports
 * `electron` (it runs under plain Node in the tests).
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

type HostProcess = Pick<NodeJS.Process, 'send' | 'on'> & { parentPort?: ParentPort };

/**
 * The link the process was started with: Electron's parentPort when main forked it with
 * `utilityProcess.fork`, Node's IPC channel when a test forked it with `child_process.fork`. The same
 * entry thus runs in both, and the tests exercise the code that ships.
 */
export function parentLink(host: HostProcess = process): MailLink {
  const port = host.parentPort;
  if (port) {
    return {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
      onDisconnect: () => undefined,
    };
  }
  const send = host.send?.bind(host);
  if (!send) throw new Error('The mail process runs only as a child of the app (utility process or Node fork).');
  return {
    send: (message) => void send(message),
    onMessage: (listener) => void host.on('message', listener),
    onDisconnect: (listener) => void host.on('disconnect', listener),
  };
}
