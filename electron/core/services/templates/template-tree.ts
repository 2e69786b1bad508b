import { asc } from 'drizzle-orm';
import type { TemplateSummary, ThemeNode } from '../../../../shared/domain/template';
import type { Database } from '../../db/database';
import { templates, templateThemes } from '../../db/schema';
import { nest } from '../admin/tree-order';

/** Every theme with its templates, in the administrator's order, at any depth. */
export function themeTree(db: Database): ThemeNode[] {
  const byTheme = new Map<number, TemplateSummary[]>();
  const rows = db.orm
    .select()
    .from(templates)
    .orderBy(asc(templates.themeId), asc(templates.position), asc(templates.id))
    .all();
  for (const { id, themeId, title, bodyHtml, updatedAt } of rows) {
    const summary = { id, title, bodyHtml, updatedAt };
    const list = byTheme.get(themeId);
    if (list) list.push(summary);
    else byTheme.set(themeId, [summary]);
  }
  const themes = db.orm
    .select()
    .from(templateThemes)
    .orderBy(asc(templateThemes.position), asc(templateThemes.id))
    .all();
  return nest(themes, ({ id, name }, children: ThemeNode[]) => ({
    id,
    name,
    templates: byTheme.get(id) ?? [],
    children,
  }));
}
