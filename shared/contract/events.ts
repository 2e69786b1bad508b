import { z } from 'zod';
import { caseStateSchema } from '../domain/case-state';

/** Every event the core pushes to the renderer, with its payload schema. */
export const events = {
  /** A case changed anywhere (action, incoming mail): desks refresh the row. */
  'case.changed': z.object({
    caseId: z.number().int(),
    version: z.number().int(),
    state: caseStateSchema,
    assigneeId: z.number().int().nullable(),
    queueId: z.number().int(),
  }),
  /** Mail sync progress of one mailbox. */
  'sync.status': z.object({
    mailboxId: z.number().int(),
    phase: z.enum(['connecting', 'syncing', 'idle', 'error']),
    done: z.number().int().optional(),
    total: z.number().int().optional(),
    message: z.string().optional(),
    lastSuccessAt: z.string().nullable(),
  }),
  /** The number of messages waiting in quarantine changed (a message set aside, filed, deleted). */
  'quarantine.changed': z.object({ count: z.number().int().nonnegative() }),
  /** An administrator created or changed a mailbox: the mail runtime restarts, replaces or stops its sync. */
  'mailboxes.changed': z.object({ mailboxId: z.number().int() }),
  /** A reply that finally could not be sent (PRODUCT.md "Replying": back to its agent, visibly). */
  'outbox.failed': z.object({
    caseId: z.number().int(),
    outboxId: z.number().int(),
    /** Null for automatic messages (acknowledgement, waiting message). */
    agentId: z.number().int().nullable(),
    reason: z.string(),
  }),
  /**
   * This connection's session ended by itself (idle time, « Se déconnecter partout », account
   * deactivated): the window goes back to the sign-in screen. Sent to that connection only.
   */
  'session.ended': z.object({
    reason: z.enum(['idle', 'everywhere', 'deactivated']),
    message: z.string(),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);
