import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function templateHandlers({ templates }: Services): NamespaceHandlers<'templates'> {
  return {
    tree: () => templates.tree(),
    search: (input) => templates.search(input),
    render: (input, ctx) => templates.render(input.templateId, input.caseId, ctx.agent),
    suggest: (input, ctx) => templates.suggest(input.caseId, ctx.agent),
  };
}
