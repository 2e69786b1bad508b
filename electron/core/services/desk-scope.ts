import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { CaseState } from '../../../shared/domain/case-state';
import { deskStates, type Desk } from '../../../shared/domain/desk';
import type { Database } from '../db/database';
import { cases, queueMembers, queues } from '../db/schema';
import { canSupervise, forbidden, notFound } from './access';

/** PRODUCT.md "Case states": which states each of an agent's desks shows. */
export const inProgressStates = deskStates.in_progress;
export const processedStates = deskStates.processed;

/**
 * A case merged into a master lives in the master: no desk lists it. Written exactly as the WHERE
 * of the partial desk indexes (migration 0002) so that SQLite can answer a desk from them alone.
 */
const notMerged = isNull(cases.mergedIntoId);

/** Cases waiting in a queue: nobody took them yet. */
export const waitingInQueue = and(isNull(cases.assigneeId), eq(cases.state, 'todo'), notMerged) as SQL;

/**
 * The cases of a desk as a condition on `cases`, once the actor is known to be allowed to see it;
 * a refusal throws (forbidden, not found) with a message in French.
 */
export function deskCondition(db: Database, desk: Desk, actor: AgentSummary): SQL {
  switch (desk.kind) {
    case 'in_progress':
      return agentDesk(ownerOf(desk.agentId, actor), inProgressStates);
    case 'processed':
      return agentDesk(ownerOf(desk.agentId, actor), processedStates);
    case 'queue':
      checkQueueAccess(db, desk.queueId, actor);
      return and(eq(cases.queueId, desk.queueId), waitingInQueue) as SQL;
    case 'validation':
      if (!canSupervise(actor)) throw forbidden('Seuls les superviseurs voient le bureau Validation.');
      return and(eq(cases.state, 'in_validation'), notMerged) as SQL;
  }
}

function agentDesk(agentId: number, states: readonly CaseState[]): SQL {
  return and(eq(cases.assigneeId, agentId), inArray(cases.state, states), notMerged) as SQL;
}

function ownerOf(agentId: number | undefined, actor: AgentSummary): number {
  if (agentId === undefined || agentId === actor.id) return actor.id;
  if (!canSupervise(actor)) throw forbidden('Seul un superviseur peut consulter les bureaux des autres agents.');
  return agentId;
}

function checkQueueAccess(db: Database, queueId: number, actor: AgentSummary): void {
  const queue = db.orm.select({ id: queues.id }).from(queues).where(eq(queues.id, queueId)).get();
  if (!queue) throw notFound('Cette file n’existe pas.');
  if (canSupervise(actor)) return;
  const member = db.orm
    .select({ queueId: queueMembers.queueId })
    .from(queueMembers)
    .where(and(eq(queueMembers.queueId, queueId), eq(queueMembers.agentId, actor.id)))
    .get();
  if (!member) throw forbidden('Vous ne faites pas partie de cette file.');
}

/**
 * Every case the actor may find by search (PRODUCT.md "Roles"): supervisors, all of them; an agent, the
 * cases of their own desks and those waiting in the queues they belong to, nothing else.
 */
export function visibleCases(db: Database, actor: AgentSummary): SQL {
  if (canSupervise(actor)) return notMerged;
  const myQueues = db.orm
    .select({ id: queueMembers.queueId })
    .from(queueMembers)
    .where(eq(queueMembers.agentId, actor.id));
  const mine = or(eq(cases.assigneeId, actor.id), and(inArray(cases.queueId, myQueues), waitingInQueue));
  return and(notMerged, mine) as SQL;
}
