import { events, isEventName, type EventName } from '../../shared/contract';

/**
 * The messages between the main process and the mail process. Both sides are ours, but a process
 * boundary is still a boundary: every message is checked on arrival, and an event's payload is
 * parsed by the contract's schema before it reaches a bus that feeds the windows.
 */

/** A core event, mirrored across the two processes' buses. */
export interface EventMessage {
  type: 'event';
  name: EventName;
  payload: unknown;
}

/** Main → mail. */
export type ToMail =
  | EventMessage
  | { type: 'secret.reply'; id: number; ok: true; value: string | null }
  | { type: 'secret.reply'; id: number; ok: false; message: string }
  /** Finish what is in progress (an outbox send being recorded), close the database, exit. */
  | { type: 'stop' };

/** Mail → main. */
export type FromMail =
  | EventMessage
  /** Mail sync and the outbox are running. */
  | { type: 'ready' }
  /**
   * safeStorage exists only in the main process: the mail process asks it for a password. Reading is
   * all it may do; passwords are written by the administrator's screens, in main.
   */
  | { type: 'secret'; id: number; key: string }
  /** Desktop notifications, too, are shown by main (Electron's Notification exists only there). */
  | { type: 'notify'; title: string; body: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';

/** An event whose name and payload the contract accepts, with the payload as parsed; else null. */
function eventOf(message: Record<string, unknown>): EventMessage | null {
  if (!isEventName(message.name)) return null;
  const parsed = events[message.name].safeParse(message.payload);
  return parsed.success ? { type: 'event', name: message.name, payload: parsed.data } : null;
}

export function parseFromMail(message: unknown): FromMail | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'event':
      return eventOf(message);
    case 'ready':
      return { type: 'ready' };
    case 'secret':
      return typeof message.id === 'number' && isString(message.key) ? { type: 'secret', id: message.id, key: message.key } : null;
    case 'notify':
      return isString(message.title) && isString(message.body) ? { type: 'notify', title: message.title, body: message.body } : null;
    default:
      return null;
  }
}

export function parseToMail(message: unknown): ToMail | null {
  if (!isRecord(message)) return null;
  switch (message.type) {
    case 'event':
      return eventOf(message);
    case 'stop':
      return { type: 'stop' };
    case 'secret.reply': {
      const { id, ok, value, message: text } = message;
      if (typeof id !== 'number') return null;
      if (ok === true && (value === null || isString(value))) return { type: 'secret.reply', id, ok, value };
      if (ok === false && isString(text)) return { type: 'secret.reply', id, ok, message: text };
      return null;
    }
    default:
      return null;
  }
}
