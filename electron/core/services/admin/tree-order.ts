import { treeMessages } from '../../../../shared/domain/admin/tree-messages';
import type { Database } from '../../db/database';
import { invalidField } from '../access';

/**
 * Ordered children of the administrator's trees: qualifications and template themes under their
 * parent, templates under their theme. Identifiers come from this closed list, never from input.
 */
export type OrderedSet =
  | { table: 'qualifications'; parent: 'parent_id'; name: 'label' }
  | { table: 'template_themes'; parent: 'parent_id'; name: 'name' }
  | { table: 'templates'; parent: 'theme_id'; name: 'title' };

export const qualificationSet: OrderedSet = { table: 'qualifications', parent: 'parent_id', name: 'label' };
export const themeSet: OrderedSet = { table: 'template_themes', parent: 'parent_id', name: 'name' };
export const templateSet: OrderedSet = { table: 'templates', parent: 'theme_id', name: 'title' };

export interface Sibling {
  id: number;
  name: string;
}

export function siblingsOf(db: Database, set: OrderedSet, parentId: number | null): Sibling[] {
  return db.sqlite
    .prepare(`SELECT id, ${set.name} AS name FROM ${set.table} WHERE ${set.parent} IS ? ORDER BY position, id`)
    .all(parentId) as Sibling[];
}

/** Puts `id` at `position` among the children of `parentId` (last when absent) and renumbers them 0…n. */
export function placeAmongSiblings(
  db: Database,
  set: OrderedSet,
  id: number,
  parentId: number | null,
  position?: number,
): void {
  const others = siblingsOf(db, set, parentId)
    .map((sibling) => sibling.id)
    .filter((siblingId) => siblingId !== id);
  others.splice(Math.min(position ?? others.length, others.length), 0, id);
  const write = db.sqlite.prepare(`UPDATE ${set.table} SET position = ?, ${set.parent} = ? WHERE id = ?`);
  others.forEach((siblingId, index) => write.run(index, parentId, siblingId));
}

/** Closes the gap a node leaves when it moves elsewhere or is deleted. */
export function renumberSiblings(db: Database, set: OrderedSet, parentId: number | null): void {
  const write = db.sqlite.prepare(`UPDATE ${set.table} SET position = ? WHERE id = ?`);
  siblingsOf(db, set, parentId).forEach((sibling, index) => write.run(index, sibling.id));
}

/** For self-referencing trees: the new parent must exist and must not be the node or below it. */
export function assertValidParent(db: Database, set: OrderedSet, id: number | null, parentId: number | null): void {
  if (parentId === null) return;
  const parentOf = db.sqlite.prepare(`SELECT ${set.parent} AS parent FROM ${set.table} WHERE id = ?`);
  if (!parentOf.get(parentId)) throw invalidField('parentId', treeMessages.parentMissing);
  // Walk up from the new parent: meeting the node itself means it would become its own ancestor.
  const seen = new Set<number>();
  let at: number | null = parentId;
  while (at !== null) {
    if (at === id || seen.has(at)) throw invalidField('parentId', treeMessages.cycle);
    seen.add(at);
    at = (parentOf.get(at) as { parent: number | null } | undefined)?.parent ?? null;
  }
}

export interface TreeRow {
  id: number;
  parentId: number | null;
}

/** Rows (already in sibling order) to nested nodes; `toNode` builds a node from its row and children. */
export function nest<R extends TreeRow, N>(rows: readonly R[], toNode: (row: R, children: N[]) => N): N[] {
  const byParent = new Map<number | null, R[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parentId);
    if (siblings) siblings.push(row);
    else byParent.set(row.parentId, [row]);
  }
  const build = (parentId: number | null): N[] =>
    (byParent.get(parentId) ?? []).map((row) => toNode(row, build(row.id)));
  return build(null);
}
