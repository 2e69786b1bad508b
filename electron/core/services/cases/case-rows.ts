import { eq } from 'drizzle-orm';
import type { CaseState } from '../../../../shared/domain/case-state';
import type { Database } from '../../db/database';
import { cases, history, type HistoryDetail } from '../../db/schema';
import { notFound } from '../access';

export type CaseRow = typeof cases.$inferSelect;

export function findCase(db: Database, caseId: number): CaseRow | null {
  return db.orm.select().from(cases).where(eq(cases.id, caseId)).get() ?? null;
}

export function loadCase(db: Database, caseId: number): CaseRow {
  const row = findCase(db, caseId);
  if (!row) throw notFound('Ce dossier n’existe pas.');
  return row;
}

/**
 * The one history entry that is not a new version of the case: a note is written beside the work
 * and must not make a colleague's open reply stale. Every other entry is one version (`recordChange`,
 * `applyAction`), so a case's version is the number of its entries that are not notes.
 */
export const noteAdded = 'note_added';

export interface HistoryEntry {
  caseId: number;
  agentId: number | null;
  action: string;
  stateBefore: CaseState | null;
  stateAfter: CaseState;
  at: string;
  detail?: HistoryDetail | null;
}

export function writeHistory(db: Database, entry: HistoryEntry): void {
  db.orm.insert(history).values({ ...entry, detail: entry.detail ?? null }).run();
}

/**
 * One change of a case that is not a machine action (qualification, merge): its version goes up
 * with a history entry, in the caller's transaction. Returns the new version.
 */
export function recordChange(
  db: Database,
  row: CaseRow,
  change: { agentId: number | null; action: string; at: string; detail?: HistoryDetail; set?: Partial<CaseRow> },
): number {
  const version = row.version + 1;
  db.orm
    .update(cases)
    .set({ ...change.set, version, updatedAt: change.at })
    .where(eq(cases.id, row.id))
    .run();
  writeHistory(db, {
    caseId: row.id,
    agentId: change.agentId,
    action: change.action,
    stateBefore: row.state,
    stateAfter: row.state,
    at: change.at,
    detail: change.detail ?? null,
  });
  return version;
}
