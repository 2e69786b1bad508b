import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type { templateSearchSchema, TemplateHit, ThemeNode } from '../../../../shared/domain/template';
import type { Database } from '../../db/database';
import { sanitizeReplyHtml } from '../../mail/html-sanitizer';
import { templates, templateThemes } from '../../db/schema';
import { notFound } from '../access';
import { readableCase } from '../case-access';
import { caseHandler } from '../cases/case-scope';
import { fillPlaceholders, placeholderValues } from './placeholders';
import { allOf, meaningfulTerms } from './query-terms';
import { suggestReplies } from './suggestions';
import { createTextCorpus } from './text-corpus';
import { themeTree } from './template-tree';

type TemplateSearch = z.output<typeof templateSearchSchema>;

/** Templates as agents use them while replying (PRODUCT.md "Replying"): browse, search, insert, suggest. */
export function createTemplateService(db: Database) {
  const corpus = createTextCorpus(db);

  function search({ query, limit }: TemplateSearch): TemplateHit[] {
    const match = allOf(meaningfulTerms(query));
    if (!match) return [];
    const paths = themePaths(db);
    return corpus.rank(match, limit, 'template').map((hit) => {
      const row = db.orm.select().from(templates).where(eq(templates.id, hit.ref)).get() as typeof templates.$inferSelect;
      const score = Math.round(-hit.rank * 1000) / 1000;
      return { id: row.id, title: row.title, themeId: row.themeId, themePath: paths.get(row.themeId) ?? [], score };
    });
  }

  /** Filling a reply reads the case's contact: case work, on a case the agent may read. */
  function caseFor(caseId: number, agent: AgentSummary): number {
    return readableCase(db, caseId, caseHandler(db, agent)).id;
  }

  function render(templateId: number, caseId: number, actor: AgentSummary) {
    const readable = caseFor(caseId, actor);
    const row = db.orm.select().from(templates).where(eq(templates.id, templateId)).get();
    if (!row) throw notFound('Cette réponse type n’existe pas.');
    const html = fillPlaceholders(row.bodyHtml, placeholderValues(db, readable, actor.id));
    return { title: row.title, html: sanitizeReplyHtml(html) };
  }

  function suggest(caseId: number, actor: AgentSummary) {
    return suggestReplies(db, corpus, caseFor(caseId, actor), actor.id);
  }

  return { tree: (): ThemeNode[] => themeTree(db), search, render, suggest };
}

/** Theme id → names from the root down to it. */
function themePaths(db: Database): Map<number, string[]> {
  const themes = db.orm.select().from(templateThemes).all();
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const pathOf = (id: number | null, seen = new Set<number>()): string[] => {
    const theme = id === null ? undefined : byId.get(id);
    if (!theme || seen.has(theme.id)) return [];
    return [...pathOf(theme.parentId, seen.add(theme.id)), theme.name];
  };
  return new Map(themes.map((theme) => [theme.id, pathOf(theme.id)]));
}
