import type { TemplateSummary, ThemeNode } from '../../../../shared/domain/template';

/** One line of the template tree as the screen lists it: a theme or one of its templates, indented. */
export type ThemeRow =
  | { kind: 'theme'; key: string; depth: number; theme: ThemeNode; parentId: number | null }
  | { kind: 'template'; key: string; depth: number; template: TemplateSummary; themeId: number };

/** The tree as one list, depth first: a flat list keeps keyboard order and the markup simple. */
export function themeRows(nodes: readonly ThemeNode[], depth = 0, parentId: number | null = null): ThemeRow[] {
  return nodes.flatMap((theme): ThemeRow[] => [
    { kind: 'theme', key: `theme-${theme.id}`, depth, theme, parentId },
    ...theme.templates.map((template): ThemeRow => ({ kind: 'template', key: `template-${template.id}`, depth: depth + 1, template, themeId: theme.id })),
    ...themeRows(theme.children, depth + 1, theme.id),
  ]);
}

