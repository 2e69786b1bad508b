import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type {
  QualificationNode,
  qualificationCreateSchema,
  QualificationUpdate,
} from '../../../../shared/domain/admin/qualification-schema';
import { treeMessages } from '../../../../shared/domain/admin/tree-messages';
import type { Database } from '../../db/database';
import { qualifications } from '../../db/schema';
import { notFound } from '../access';
import { administer } from './admin-guard';
import { assertValidParent, nest, placeAmongSiblings, qualificationSet, renumberSiblings, siblingsOf } from './tree-order';
import { assertNameFree } from './unique-name';

type QualificationCreate = z.output<typeof qualificationCreateSchema>;

/**
 * The qualification tree (PRODUCT.md "Consulting a case and a contact"): added, renamed, moved, deactivated; never
 * deleted, since closed cases keep the qualification they were given.
 */
export function createQualificationAdmin(db: Database) {
  function tree(): QualificationNode[] {
    const rows = db.orm
      .select()
      .from(qualifications)
      .orderBy(asc(qualifications.position), asc(qualifications.id))
      .all();
    return nest(rows, ({ id, label, active }, children: QualificationNode[]) => ({ id, label, active, children }));
  }

  function create(input: QualificationCreate, actor: AgentSummary): QualificationNode[] {
    return administer(db, actor, () => {
      assertValidParent(db, qualificationSet, null, input.parentId);
      assertLabelFree(input.parentId, input.label, null);
      const { id } = db.orm.insert(qualifications).values(input).returning({ id: qualifications.id }).get();
      placeAmongSiblings(db, qualificationSet, id, input.parentId);
      return tree();
    });
  }

  function update({ id, position, ...input }: QualificationUpdate, actor: AgentSummary): QualificationNode[] {
    return administer(db, actor, () => {
      const current = db.orm.select().from(qualifications).where(eq(qualifications.id, id)).get();
      if (!current) throw notFound('Cette qualification n’existe pas.');
      assertValidParent(db, qualificationSet, id, input.parentId);
      assertLabelFree(input.parentId, input.label, id);
      db.orm.update(qualifications).set(input).where(eq(qualifications.id, id)).run();
      placeAmongSiblings(db, qualificationSet, id, input.parentId, position);
      if (current.parentId !== input.parentId) renumberSiblings(db, qualificationSet, current.parentId);
      return tree();
    });
  }

  function assertLabelFree(parentId: number | null, label: string, exceptId: number | null): void {
    assertNameFree(siblingsOf(db, qualificationSet, parentId), label, exceptId, 'label', treeMessages.siblingTaken);
  }

  return { tree, create, update };
}
