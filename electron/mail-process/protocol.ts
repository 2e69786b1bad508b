import { z } from 'zod';
import { events, isEventName, type EventName } from '../../shared/contract';

/**
 * The messages between the main process and the mail process. Both sides are ours, but a process
 * boundary is still a boundary: every message is parsed by these schemas on arrival, as every call
 * of the contract is, and an event's payload by the contract's own schema before it reaches a bus
 * that feeds the windows. Unknown keys are dropped; a message the direction does not allow is null.
 */

/** A core event, mirrored across the two processes' buses. */
export interface EventMessage {
  type: 'event';
  name: EventName;
  payload: unknown;
}

const eventMessage = z
  .object({ type: z.literal('event'), name: z.string().refine(isEventName), payload: z.unknown() })
  .transform((message, ctx): EventMessage => {
    const name = message.name as EventName;
    const parsed = events[name].safeParse(message.payload);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `payload of ${name}`, input: message.payload });
      return z.NEVER;
    }
    return { type: 'event', name, payload: parsed.data };
  });

const requestId = z.number();

/** Main → mail. */
const toMail = z.discriminatedUnion('type', [
  eventMessage,
  z.discriminatedUnion('ok', [
    z.object({ type: z.literal('secret.reply'), id: requestId, ok: z.literal(true), value: z.string().nullable() }),
    z.object({ type: z.literal('secret.reply'), id: requestId, ok: z.literal(false), message: z.string() }),
  ]),
  /** Finish what is in progress (an outbox send being recorded), close the database, exit. */
  z.object({ type: z.literal('stop') }),
]);

/** Mail → main. */
const fromMail = z.discriminatedUnion('type', [
  eventMessage,
  /** Mail sync and the outbox are running. */
  z.object({ type: z.literal('ready') }),
  /**
   * safeStorage exists only in the main process: the mail process asks it for a password. Reading is
   * all it may do; passwords are written by the administrator's screens, in main.
   */
  z.object({ type: z.literal('secret'), id: requestId, key: z.string() }),
  /** Desktop notifications, too, are shown by main (Electron's Notification exists only there). */
  z.object({ type: z.literal('notify'), title: z.string(), body: z.string() }),
]);

export type ToMail = z.output<typeof toMail>;
export type FromMail = z.output<typeof fromMail>;

export const parseFromMail = (message: unknown): FromMail | null => fromMail.safeParse(message).data ?? null;
export const parseToMail = (message: unknown): ToMail | null => toMail.safeParse(message).data ?? null;
