import { and, desc, eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { caseStateLabels } from '../../../../shared/domain/case-actions';
import { can, type RightsHolder } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents, history, queueMembers } from '../../db/schema';
import { forbidden } from '../access';
import { currentRights } from '../admin/agent-grants';
import { loadCase, type CaseRow } from './case-rows';

/** The actor as the rights table sees them now: a role changed by an administrator applies at once. */
export interface CaseActor {
  id: number;
  role: AgentSummary['role'];
  rights: RightsHolder;
}

/** Agents and supervisors work on cases; an administrator only sets the centre up (SPEC "Roles"). */
export function caseHandler(db: Database, actor: AgentSummary): CaseActor {
  const rights = currentRights(db, actor.id);
  if (!rights || !can(rights, 'handle_cases')) {
    throw forbidden('Votre compte ne permet pas de traiter des dossiers.');
  }
  return { id: actor.id, role: rights.role, rights };
}

/**
 * SPEC "Roles": an agent reads the cases of their desks and of the queues they belong to;
 * supervisors read every case.
 */
export function canRead(db: Database, row: CaseRow, actor: CaseActor): boolean {
  if (can(actor.rights, 'view_all_desks') || row.assigneeId === actor.id) return true;
  const member = db.orm
    .select({ queueId: queueMembers.queueId })
    .from(queueMembers)
    .where(and(eq(queueMembers.queueId, row.queueId), eq(queueMembers.agentId, actor.id)))
    .get();
  return member !== undefined;
}

export function assertCanRead(db: Database, row: CaseRow, actor: CaseActor): void {
  if (!canRead(db, row, actor)) {
    throw forbidden(`Le dossier ${row.number} n’est ni sur vos bureaux ni dans l’une de vos files.`);
  }
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

/**
 * A message or file of a case: readable by whoever may read the case, or the master it is merged
 * into (its messages show in that master's thread).
 */
export function assertCanReadPartOf(db: Database, caseId: number, actor: CaseActor): void {
  const row = loadCase(db, caseId);
  if (row.mergedIntoId !== null && canRead(db, loadCase(db, row.mergedIntoId), actor)) return;
  assertCanRead(db, row, actor);
}
