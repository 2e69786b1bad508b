import { eq } from 'drizzle-orm';
import type { EventPayload } from '../../../../shared/contract';
import type { Database } from '../../db/database';
import { cases } from '../../db/schema';

/** The `case.changed` payload: read inside the transaction, emitted once it has committed. */
export type CaseChange = EventPayload<'case.changed'>;

export function caseChange(db: Database, caseId: number): CaseChange {
  const row = db.orm
    .select({ caseId: cases.id, version: cases.version, state: cases.state, assigneeId: cases.assigneeId, queueId: cases.queueId })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!row) throw new Error(`case ${caseId} vanished inside its own transaction`);
  return row;
}
