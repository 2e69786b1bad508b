import type { Database } from '../db/database';
import type { EventBus } from '../event-bus';
import type { Clock, Notifier, SecretStore } from '../ports';
import { createBlobStore } from '../storage/blob-store';
import { createAttachmentService } from './attachment-service';
import { createDeskService } from './desk-service';
import { createSessionService } from './session-service';

/** What every service may use: the database, the injected platform ports, the event bus. */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  secrets: SecretStore;
  notifier: Notifier;
  /** Where attachments are stored (content-addressed files). */
  dataDir: string;
}

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: ServiceDeps) {
  return {
    sessions: createSessionService(deps.db),
    desks: createDeskService(deps.db),
    attachments: createAttachmentService(createBlobStore(deps.dataDir)),
  };
}
