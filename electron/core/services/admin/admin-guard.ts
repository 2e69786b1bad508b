import { AppFailure } from '../../../../shared/contract';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { forbidden } from '../access';
import { currentRights } from './agent-grants';

const notAdministrator = 'Seul un administrateur peut modifier la configuration du centre.';

export function requireAdministrator(db: Database, actor: AgentSummary): void {
  const rights = currentRights(db, actor.id);
  if (!rights || !can(rights, 'administer')) throw forbidden(notAdministrator);
}

/**
 * An administrator's change, all or nothing: the role is checked and the rows written under one
 * write lock (IMMEDIATE), so that a refusal thrown anywhere inside leaves the database untouched.
 */
export function administer<T>(db: Database, actor: AgentSummary, change: () => T): T {
  return db.sqlite
    .transaction(() => {
      requireAdministrator(db, actor);
      return change();
    })
    .immediate();
}

/** A business rule says no (a queue with cases, the last administrator…). */
export const refused = (message: string, field?: string) =>
  new AppFailure({ code: 'refused', message, ...(field ? { fields: { [field]: message } } : {}) });
