import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { cases, notepadEntries } from '../../db/schema';
import { forbidden, invalidField } from '../access';
import { readableCase } from '../case-access';
import { numberOf } from './case-guards';
import { loadCase, recordChange, type CaseRow } from './case-rows';
import type { CaseActor } from './case-scope';

/** A case a merge or its undoing changed, read again with its new version: what the service announces. */
export type ChangedCase = CaseRow;

/** The notepad names the supervisor who merged. */
export type Merger = CaseActor & { displayName: string };

const refused = (message: string) => new AppFailure({ code: 'refused', message });
const stamp = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/**
 * PRODUCT.md "Consulting a case and a contact": a supervisor merges cases into a master; the master's notepad says
 * which, when and who. Merged cases keep their state and agent, only hidden from the desks, so
 * undoing the merge puts each back exactly where it was. One level only: a master is never merged.
 */
export function mergeCases(db: Database, actor: Merger, masterId: number, caseIds: readonly number[], now: Date): ChangedCase[] {
  assertMayMerge(actor);
  if (caseIds.includes(masterId)) throw invalidField('caseIds', 'Un dossier ne peut pas être fusionné dans lui-même.');
  const master = readableCase(db, masterId, actor);
  if (master.mergedIntoId !== null) {
    throw refused(`Le dossier ${master.number} est lui-même fusionné dans le dossier ${numberOf(db, master.mergedIntoId)}.`);
  }
  const merged = caseIds.map((id) => readableCase(db, id, actor));
  merged.forEach((row) => assertMergeable(db, row));
  const at = now.toISOString();
  const numbers = merged.map((row) => row.number);
  for (const row of merged) {
    const detail = { masterId: master.id, masterNumber: master.number };
    recordChange(db, row, { agentId: actor.id, action: 'merged', at, detail, set: { mergedIntoId: master.id } });
  }
  recordChange(db, master, { agentId: actor.id, action: 'merge', at, detail: { caseIds: [...caseIds], caseNumbers: numbers } });
  const list = numbers.length === 1 ? `Dossier ${numbers[0]} fusionné` : `Dossiers ${numbers.join(', ')} fusionnés`;
  writeSystemNote(db, master.id, `${list} dans ce dossier le ${stamp.format(now)} par ${actor.displayName}.`, at);
  return [master, ...merged].map((row) => loadCase(db, row.id));
}

/** Undoes one merge: the case comes back to its own desk, state and agent as they were. */
export function unmergeCase(db: Database, actor: Merger, masterId: number, caseId: number, now: Date): ChangedCase[] {
  assertMayMerge(actor);
  const master = readableCase(db, masterId, actor);
  const row = readableCase(db, caseId, actor);
  if (row.mergedIntoId !== master.id) {
    throw refused(`Le dossier ${row.number} n’est pas fusionné dans le dossier ${master.number}.`);
  }
  const at = now.toISOString();
  const detail = { masterId: master.id, masterNumber: master.number };
  recordChange(db, row, { agentId: actor.id, action: 'unmerged', at, detail, set: { mergedIntoId: null } });
  recordChange(db, master, { agentId: actor.id, action: 'unmerge', at, detail: { caseIds: [row.id], caseNumbers: [row.number] } });
  writeSystemNote(db, master.id, `Dossier ${row.number} retiré de la fusion le ${stamp.format(now)} par ${actor.displayName}.`, at);
  return [master, row].map((changed) => loadCase(db, changed.id));
}

function assertMayMerge(actor: CaseActor): void {
  if (!can(actor.rights, 'merge_cases')) throw forbidden('Seul un superviseur peut fusionner des dossiers.');
}

function assertMergeable(db: Database, row: CaseRow): void {
  if (row.mergedIntoId !== null) {
    throw refused(`Le dossier ${row.number} est déjà fusionné dans le dossier ${numberOf(db, row.mergedIntoId)}.`);
  }
  const child = db.orm.select({ number: cases.number }).from(cases).where(eq(cases.mergedIntoId, row.id)).get();
  if (child) {
    throw refused(`Le dossier ${row.number} est le maître d’autres dossiers (${child.number}…) : défaites d’abord ces fusions.`);
  }
}

/** The notepad's system entries have no agent (see `notepad_entries`); the text names the supervisor. */
function writeSystemNote(db: Database, caseId: number, text: string, at: string): void {
  db.orm.insert(notepadEntries).values({ caseId, agentId: null, text, createdAt: at }).run();
}
