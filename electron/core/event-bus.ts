import type { EventName, EventPayload } from '../../shared/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Core events fan out to every open connection (each transport subscribes once per client). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload);
      } catch {
        // One broken client must not stop the others from hearing about the change.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
