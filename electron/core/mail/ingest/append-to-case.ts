import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { agents, cases } from '../../db/schema';
import { loadCase, writeHistory } from '../../services/cases/case-rows';
import type { IngestOutcome } from '../incoming-mail';
import type { Arrival, Filing } from './arrival';
import { caseChange, type CaseChange } from './case-change';
import { afterArrival } from './reopen';
import { storeIncomingMessage } from './store-message';
import type { ThreadMatch } from './thread-matcher';

export interface Appended {
  outcome: Extract<IngestOutcome, { kind: 'appended' }>;
  change: CaseChange;
}

/** A case closed by an agent since deactivated goes back to the queue rather than to nobody's desk. */
function activeCloser(db: Database, closedById: number | null): number | null {
  if (closedById === null) return null;
  const agent = db.orm.select({ id: agents.id }).from(agents).where(and(eq(agents.id, closedById), eq(agents.active, true))).get();
  return agent ? agent.id : null;
}

/**
 * Adds the message to the case it threads into and applies the reopen rules; one more version of
 * the case, with a `message_received` history entry saying from which state to which.
 */
export function appendToCase(filing: Filing, arrival: Arrival, match: ThreadMatch): Appended {
  const { db } = filing;
  const at = filing.now.toISOString();
  const row = loadCase(db, match.caseId);
  const after = afterArrival({ ...row, closerId: activeCloser(db, row.closedById) }, arrival.automatic !== null);
  const messageId = storeIncomingMessage(filing, arrival, row.id, match.reason);
  db.orm
    .update(cases)
    .set({ state: after.state, assigneeId: after.assigneeId, unread: after.unread, version: row.version + 1, updatedAt: at })
    .where(eq(cases.id, row.id))
    .run();
  writeHistory(db, {
    caseId: row.id,
    agentId: null,
    action: 'message_received',
    stateBefore: row.state,
    stateAfter: after.state,
    at,
    detail: { messageId, reason: match.reason, automatic: arrival.automatic },
  });
  return {
    outcome: { kind: 'appended', caseId: row.id, number: row.number, reason: match.reason, reopened: after.reopened },
    change: caseChange(db, row.id),
  };
}
