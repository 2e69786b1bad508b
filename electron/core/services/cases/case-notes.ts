import { and, eq } from 'drizzle-orm';
import type { NotepadEntry } from '../../../../shared/domain/case-detail';
import type { Database } from '../../db/database';
import { notepadEntries, qualifications } from '../../db/schema';
import { invalidField } from '../access';
import { assertNotMerged } from './case-guards';
import { noteAdded, recordChange, writeHistory, type CaseRow } from './case-rows';
import type { CaseActor } from './case-scope';

/**
 * The notepad ("bloc-notes"): internal, never sent. A note is history too, but not a new version
 * of the case (see `noteAdded`): writing beside a colleague must not make their reply stale.
 */
export function addNote(db: Database, row: CaseRow, actor: CaseActor & { displayName: string }, text: string, at: string): NotepadEntry {
  const { id } = db.orm
    .insert(notepadEntries)
    .values({ caseId: row.id, agentId: actor.id, text, createdAt: at })
    .returning({ id: notepadEntries.id })
    .get();
  writeHistory(db, {
    caseId: row.id,
    agentId: actor.id,
    action: noteAdded,
    stateBefore: row.state,
    stateAfter: row.state,
    at,
    detail: { noteId: id },
  });
  return { id, agent: { id: actor.id, displayName: actor.displayName }, text, createdAt: at };
}

/** PRODUCT.md: the qualification is editable by the agent and the supervisor; null removes it. */
export function setQualification(db: Database, row: CaseRow, actor: CaseActor, qualificationId: number | null, at: string): number {
  assertNotMerged(db, row);
  const label = qualificationId === null ? null : activeQualification(db, qualificationId);
  return recordChange(db, row, {
    agentId: actor.id,
    action: 'qualification_set',
    at,
    detail: { qualificationId, label },
    set: { qualificationId },
  });
}

function activeQualification(db: Database, id: number): string {
  const row = db.orm
    .select({ label: qualifications.label })
    .from(qualifications)
    .where(and(eq(qualifications.id, id), eq(qualifications.active, true)))
    .get();
  if (!row) throw invalidField('qualificationId', 'Cette qualification n’existe pas ou n’est plus active.');
  return row.label;
}
