import type { EventBus } from '../core/event-bus';
import type { EventMessage } from './protocol';

export interface EventMirror {
  /** Emits an event that came from the other process, without sending it back. */
  receive(message: EventMessage): void;
  close(): void;
}

/**
 * Keeps two processes' buses in step: whatever is emitted on this side goes to the other, and what
 * comes from the other is emitted here. Main's windows thus hear the mail process's `sync.status` and
 * `case.changed`, and the mail process's outbox hears main's `case.changed` (a reply was queued:
 * send it now rather than at the next poll). EventBus.emit is synchronous, so a flag set around it
 * is enough to keep a received event from echoing back.
 */
export function mirrorEvents(bus: EventBus, send: (message: EventMessage) => void): EventMirror {
  let receiving = false;
  const off = bus.subscribe((name, payload) => {
    if (!receiving) send({ type: 'event', name, payload });
  });
  return {
    receive(message) {
      receiving = true;
      try {
        // The payload was parsed by the contract's schema for this name (protocol.ts).
        bus.emit(message.name, message.payload as never);
      } finally {
        receiving = false;
      }
    },
    close: off,
  };
}
