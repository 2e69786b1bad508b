import { desc, eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { caseStateLabels } from '../../../../shared/domain/case-actions';
import { can, type RightsHolder } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents, history } from '../../db/schema';
import { forbidden } from '../access';
import { currentRights } from '../admin/agent-grants';
import type { CaseRow } from './case-rows';

/** The actor as the rights table sees them now: a role changed by an administrator applies at once. */
export interface CaseActor {
  id: number;
  role: AgentSummary['role'];
  rights: RightsHolder;
}

/** Agents and supervisors work on cases; an administrator only sets the centre up (PRODUCT.md "Roles"). */
export function caseHandler(db: Database, actor: AgentSummary): CaseActor {
  const rights = currentRights(db, actor.id);
  if (!rights || !can(rights, 'handle_cases')) {
    throw forbidden('Votre compte ne permet pas de traiter des dossiers.');
  }
  return { id: actor.id, role: rights.role, rights };
}

/**
 * Optimistic concurrency: the screen sends the version it read. A stale one means a colleague (or
 * an incoming mail) changed the case meanwhile; acting on what the agent saw could undo their work.
 */
export function assertFresh(db: Database, row: CaseRow, version: number): void {
  if (row.version === version) return;
  const last = db.orm
    .select({ name: agents.displayName })
    .from(history)
    .leftJoin(agents, eq(agents.id, history.agentId))
    .where(eq(history.caseId, row.id))
    .orderBy(desc(history.id))
    .limit(1)
    .get();
  const who = last?.name ? `par ${last.name}` : 'par quelqu’un d’autre';
  throw new AppFailure({
    code: 'conflict',
    message:
      `Le dossier ${row.number} a été modifié ${who} pendant que vous le consultiez : il est maintenant ` +
      `à l’état « ${caseStateLabels[row.state]} ». Rechargez-le avant d’agir.`,
  });
}
