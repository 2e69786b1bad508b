import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { can } from '../../../../shared/domain/rights';
import type { templateSearchSchema, TemplateHit, ThemeNode } from '../../../../shared/domain/template';
import type { Database } from '../../db/database';
import { sanitizeReplyHtml } from '../../mail/html-sanitizer';
import { templates, templateThemes } from '../../db/schema';
import { forbidden, notFound } from '../access';
import { currentRights } from '../admin/agent-grants';
import { fillPlaceholders, placeholderValues } from './placeholders';
import { allOf, meaningfulTerms } from './query-terms';
import { suggestReplies } from './suggestions';
import { createTextCorpus } from './text-corpus';
import { themeTree } from './template-tree';

type TemplateSearch = z.output<typeof templateSearchSchema>;

/** Templates as agents use them while replying (SPEC "Replying"): browse, search, insert, suggest. */
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

  function render(templateId: number, caseId: number, actor: AgentSummary) {
    requireCaseWork(db, actor);
    const row = db.orm.select().from(templates).where(eq(templates.id, templateId)).get();
    if (!row) throw notFound('Cette réponse type n’existe pas.');
    const html = fillPlaceholders(row.bodyHtml, placeholderValues(db, caseId, actor.id));
    return { title: row.title, html: sanitizeReplyHtml(html) };
  }

  function suggest(caseId: number, actor: AgentSummary) {
    requireCaseWork(db, actor);
    return suggestReplies(db, corpus, caseId, actor.id);
  }

  return { tree: (): ThemeNode[] => themeTree(db), search, render, suggest };
}

/** Filling a reply for a case is case work: administrators set templates up but answer no case. */
function requireCaseWork(db: Database, actor: AgentSummary): void {
  const rights = currentRights(db, actor.id);
  if (!rights || !can(rights, 'handle_cases')) {
    throw forbidden('Seuls les agents et les superviseurs préparent des réponses aux dossiers.');
  }
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
