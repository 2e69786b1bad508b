import { count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { treeMessages } from '../../../../shared/domain/admin/tree-messages';
import {
  templateMessages,
  type templateCreateSchema,
  type TemplateSummary,
  type TemplateUpdate,
  type themeCreateSchema,
  type ThemeNode,
  type ThemeUpdate,
} from '../../../../shared/domain/template';
import type { Database } from '../../db/database';
import { templates, templateThemes } from '../../db/schema';
import { hasVisibleContent, sanitizeReplyHtml } from '../../mail/html-sanitizer';
import type { Clock } from '../../ports';
import { invalidField, notFound } from '../access';
import { themeTree } from '../templates/template-tree';
import { administer, refused } from './admin-guard';
import { assertValidParent, placeAmongSiblings, renumberSiblings, siblingsOf, templateSet, themeSet } from './tree-order';
import { assertNameFree } from './unique-name';

type ThemeCreate = z.output<typeof themeCreateSchema>;
type TemplateCreate = z.output<typeof templateCreateSchema>;

const themeMissing = 'Ce thème n’existe pas.';
const templateMissing = 'Cette réponse type n’existe pas.';

/** The administrator's side of the templates: the theme tree and the templates in it. */
export function createTemplateCatalogue(db: Database, clock: Clock) {
  function createTheme(input: ThemeCreate, actor: AgentSummary): ThemeNode[] {
    return administer(db, actor, () => {
      assertValidParent(db, themeSet, null, input.parentId);
      assertThemeNameFree(input.parentId, input.name, null);
      const { id } = db.orm.insert(templateThemes).values(input).returning({ id: templateThemes.id }).get();
      placeAmongSiblings(db, themeSet, id, input.parentId);
      return themeTree(db);
    });
  }

  function updateTheme({ id, position, ...input }: ThemeUpdate, actor: AgentSummary): ThemeNode[] {
    return administer(db, actor, () => {
      const current = db.orm.select().from(templateThemes).where(eq(templateThemes.id, id)).get();
      if (!current) throw notFound(themeMissing);
      assertValidParent(db, themeSet, id, input.parentId);
      assertThemeNameFree(input.parentId, input.name, id);
      db.orm.update(templateThemes).set(input).where(eq(templateThemes.id, id)).run();
      placeAmongSiblings(db, themeSet, id, input.parentId, position);
      if (current.parentId !== input.parentId) renumberSiblings(db, themeSet, current.parentId);
      return themeTree(db);
    });
  }

  /** Only an empty theme goes: deleting would otherwise take templates with it (ON DELETE CASCADE). */
  function deleteTheme(id: number, actor: AgentSummary): ThemeNode[] {
    return administer(db, actor, () => {
      const current = db.orm.select().from(templateThemes).where(eq(templateThemes.id, id)).get();
      if (!current) throw notFound(themeMissing);
      const children = db.orm.select({ n: count() }).from(templateThemes).where(eq(templateThemes.parentId, id)).get();
      const held = db.orm.select({ n: count() }).from(templates).where(eq(templates.themeId, id)).get();
      if ((children?.n ?? 0) + (held?.n ?? 0) > 0) throw refused(templateMessages.themeNotEmpty);
      db.orm.delete(templateThemes).where(eq(templateThemes.id, id)).run();
      renumberSiblings(db, themeSet, current.parentId);
      return themeTree(db);
    });
  }

  function createTemplate(input: TemplateCreate, actor: AgentSummary): TemplateSummary {
    return administer(db, actor, () => {
      const row = checkTemplate(input, null);
      const { id } = db.orm.insert(templates).values(row).returning({ id: templates.id }).get();
      placeAmongSiblings(db, templateSet, id, input.themeId);
      return summary(id);
    });
  }

  function updateTemplate({ id, position, ...input }: TemplateUpdate, actor: AgentSummary): TemplateSummary {
    return administer(db, actor, () => {
      const current = db.orm.select().from(templates).where(eq(templates.id, id)).get();
      if (!current) throw notFound(templateMissing);
      db.orm.update(templates).set(checkTemplate(input, id)).where(eq(templates.id, id)).run();
      placeAmongSiblings(db, templateSet, id, input.themeId, position);
      if (current.themeId !== input.themeId) renumberSiblings(db, templateSet, current.themeId);
      return summary(id);
    });
  }

  function deleteTemplate(id: number, actor: AgentSummary): null {
    return administer(db, actor, () => {
      const current = db.orm.select().from(templates).where(eq(templates.id, id)).get();
      if (!current) throw notFound(templateMissing);
      db.orm.delete(templates).where(eq(templates.id, id)).run();
      renumberSiblings(db, templateSet, current.themeId);
      return null;
    });
  }

  /** The row to write: theme known, title free in it, body reduced to safe HTML and not left empty. */
  function checkTemplate(input: TemplateCreate, id: number | null) {
    if (!db.orm.select().from(templateThemes).where(eq(templateThemes.id, input.themeId)).get()) {
      throw invalidField('themeId', themeMissing);
    }
    assertNameFree(siblingsOf(db, templateSet, input.themeId), input.title, id, 'title', templateMessages.titleTaken);
    const bodyHtml = sanitizeReplyHtml(input.bodyHtml);
    if (!hasVisibleContent(bodyHtml)) throw invalidField('bodyHtml', templateMessages.bodyRequired);
    return { ...input, bodyHtml, updatedAt: clock.now().toISOString() };
  }

  function assertThemeNameFree(parentId: number | null, name: string, exceptId: number | null): void {
    assertNameFree(siblingsOf(db, themeSet, parentId), name, exceptId, 'name', treeMessages.siblingTaken);
  }

  function summary(id: number): TemplateSummary {
    const row = db.orm.select().from(templates).where(eq(templates.id, id)).get() as typeof templates.$inferSelect;
    return { id, title: row.title, bodyHtml: row.bodyHtml, updatedAt: row.updatedAt };
  }

  return { createTheme, updateTheme, deleteTheme, createTemplate, updateTemplate, deleteTemplate };
}
