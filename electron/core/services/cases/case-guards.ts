import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { CaseAction } from '../../../../shared/domain/case-actions';
import type { Database } from '../../db/database';
import { cases } from '../../db/schema';
import type { CaseRow } from './case-rows';

/**
 * What refuses an action before the case machine is asked: facts the machine does not model
 * (a merge, a push offer). Null when the machine may decide.
 */
export function guardRefusal(db: Database, row: CaseRow, action: CaseAction, actorId: number): string | null {
  const merged = mergedRefusal(db, row);
  if (merged) return merged;
  // Push mode: the system offered the case to one agent; nobody else may snatch it meanwhile.
  const takes = action === 'take' || action === 'assign_to_me';
  if (takes && row.offeredToId !== null && row.offeredToId !== actorId) {
    return 'Ce dossier est proposé à un autre agent : il ne peut pas être pris en charge tant que cette proposition court.';
  }
  return null;
}

/** A merged case lives in its master until the merge is undone: it is read, not worked on. */
function mergedRefusal(db: Database, row: CaseRow): string | null {
  if (row.mergedIntoId === null) return null;
  return `Ce dossier a été fusionné dans le dossier ${numberOf(db, row.mergedIntoId)} : c’est sur ce dernier qu’il se traite.`;
}

export function assertNotMerged(db: Database, row: CaseRow): void {
  const message = mergedRefusal(db, row);
  if (message) throw new AppFailure({ code: 'refused', message });
}

export function assertGuards(db: Database, row: CaseRow, action: CaseAction, actorId: number): void {
  const message = guardRefusal(db, row, action, actorId);
  if (message) throw new AppFailure({ code: 'refused', message });
}

export function numberOf(db: Database, caseId: number): string {
  return db.orm.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)).get()?.number ?? '?';
}
