import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import { decide, type CaseAction, type CaseCommand, type CaseFacts, type Decision } from '../../../../shared/domain/case-machine';
import type { CaseOrigin } from '../../../../shared/domain/case-actions';
import type { Distribution } from '../../../../shared/domain/case-state';
import type { Database } from '../../db/database';
import { queues } from '../../db/schema';
import type { CaseRow } from './case-rows';
import type { CaseActor } from './case-scope';

export type Decided = Extract<Decision, { ok: true }>;

/** What the machine reads from the case's queue: its mode and the administrator's list of actions. */
export interface QueueRules {
  mode: Distribution;
  /** Undefined: every action of PRODUCT.md (the queue's list is null). */
  enabled: ReadonlySet<CaseAction> | undefined;
}

export function queueRules(db: Database, queueId: number): QueueRules {
  const queue = db.orm
    .select({ mode: queues.distribution, allowed: queues.allowedActions })
    .from(queues)
    .where(eq(queues.id, queueId))
    .get();
  if (!queue) throw new Error(`queue ${queueId} is missing`);
  return { mode: queue.mode, enabled: queue.allowed ? new Set(queue.allowed) : undefined };
}

export function factsOf(row: CaseRow, origin: CaseOrigin, rules: QueueRules): CaseFacts {
  return origin === 'creation'
    ? { state: 'creation', assigneeId: null, queueMode: rules.mode }
    : { state: origin, assigneeId: row.assigneeId, queueMode: rules.mode };
}

/** The case machine's verdict on this case; a refusal becomes the French `refused` error. */
export function verdict(db: Database, row: CaseRow, origin: CaseOrigin, command: CaseCommand, actor: CaseActor): Decided {
  const rules = queueRules(db, row.queueId);
  const decision = decide(factsOf(row, origin, rules), command, actor, rules.enabled);
  if (!decision.ok) throw new AppFailure({ code: 'refused', message: decision.message });
  return decision;
}
