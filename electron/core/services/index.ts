import type { Database } from '../db/database';
import { createDeskService } from './desk-service';
import { createSessionService } from './session-service';

export type Services = ReturnType<typeof createServices>;

export function createServices(db: Database) {
  return {
    sessions: createSessionService(db),
    desks: createDeskService(db),
  };
}
