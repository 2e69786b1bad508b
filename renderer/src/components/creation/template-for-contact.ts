import { isTemplatePlaceholder, placeholderPattern, type TemplatePlaceholder, type ThemeNode } from '../../../../shared/domain/template';

/** The body of a template, as the administrator wrote it, found anywhere in the theme tree. */
export function templateBody(nodes: readonly ThemeNode[], templateId: number): string | null {
  for (const node of nodes) {
    const found = node.templates.find((template) => template.id === templateId)?.bodyHtml ?? templateBody(node.children, templateId);
    if (found !== null) return found;
  }
  return null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

/**
 * Fills a template for a case not created yet (the creation form): the core's `templates.render`
 * needs a case. Placeholders with a known value get it, escaped; the others (the case number, not
 * given before the case exists) stay as typed, visible to the agent as the core leaves unknown ones.
 */
export function fillKnownPlaceholders(html: string, values: Partial<Record<TemplatePlaceholder, string>>): string {
  return html.replace(placeholderPattern, (whole, name: string) => {
    const value = isTemplatePlaceholder(name) ? values[name] : undefined;
    return value === undefined ? whole : escapeHtml(value);
  });
}
