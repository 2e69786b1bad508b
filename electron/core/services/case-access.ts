import { and, eq } from 'drizzle-orm';
import { can } from '../../../shared/domain/rights';
import type { Database } from '../db/database';
import { queueMembers } from '../db/schema';
import { notFound } from './access';
import { findCase, type CaseRow } from './cases/case-rows';
import type { CaseActor } from './cases/case-scope';

/**
 * The one refusal for a case the actor may not read, worded as for a case that does not exist:
 * `not_found` rather than `forbidden`, so that probing ids confirms nothing and never hands back a
 * case's number. An agent may still be told what their role forbids (`forbidden`): that says
 * nothing about any case.
 */
export const caseOutOfReach = 'Ce dossier n’existe pas, ou il n’est ni sur vos bureaux ni dans l’une de vos files.';
export const partOutOfReach = 'Ce message ou ce fichier n’existe pas, ou son dossier n’est ni sur vos bureaux ni dans l’une de vos files.';

/**
 * PRODUCT.md "Roles": an agent reads the cases assigned to them and those of the queues they belong to;
 * supervisors read every case. (Search finds less, `visibleCases` in desk-scope.ts: in a queue,
 * only the cases still waiting there; a colleague's case of the same queue is opened from a link.)
 */
export function mayRead(db: Database, row: CaseRow, actor: CaseActor): boolean {
  if (can(actor.rights, 'view_all_desks') || row.assigneeId === actor.id) return true;
  const member = db.orm
    .select({ queueId: queueMembers.queueId })
    .from(queueMembers)
    .where(and(eq(queueMembers.queueId, row.queueId), eq(queueMembers.agentId, actor.id)))
    .get();
  return member !== undefined;
}

/**
 * The case, if the actor may read it. Every call that names a case goes through here (or through
 * `assertPartReadable` for a message or a file of one), so the scope has one definition.
 */
export function readableCase(db: Database, caseId: number, actor: CaseActor): CaseRow {
  const row = readableOrNull(db, caseId, actor);
  if (!row) throw notFound(caseOutOfReach);
  return row;
}

/**
 * A message or file of a case: readable by whoever may read the case, or the master it is merged
 * into (its messages show in that master's thread). A missing message or file is refused with the
 * same `partOutOfReach`.
 */
export function assertPartReadable(db: Database, caseId: number, actor: CaseActor): void {
  if (readableOrNull(db, caseId, actor)) return;
  const master = findCase(db, caseId)?.mergedIntoId ?? null;
  if (master === null || !readableOrNull(db, master, actor)) throw notFound(partOutOfReach);
}

function readableOrNull(db: Database, caseId: number, actor: CaseActor): CaseRow | null {
  const row = findCase(db, caseId);
  return row && mayRead(db, row, actor) ? row : null;
}
