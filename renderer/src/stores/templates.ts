import { defineStore } from 'pinia';
import type { Suggestion, TemplateHit, ThemeNode } from '../../../shared/domain/template';
import { api } from '../api';

/**
 * Response templates as the pickers use them (PRODUCT.md "Replying"): nothing kept, the core answers each
 * time (an administrator may have changed them since).
 */
export const useTemplatesStore = defineStore('templates', () => {
  const tree = (): Promise<ThemeNode[]> => api.templates.tree();
  const search = (query: string): Promise<TemplateHit[]> => api.templates.search({ query });
  /** The template filled by the core for this case (contact, agent, case placeholders). */
  const render = async (templateId: number, caseId: number): Promise<string> => (await api.templates.render({ templateId, caseId })).html;
  /** At most three, best first, from the case's last message. */
  const suggest = (caseId: number): Promise<Suggestion[]> => api.templates.suggest({ caseId });

  return { tree, search, render, suggest };
});
