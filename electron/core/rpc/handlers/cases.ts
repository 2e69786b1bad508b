import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function caseHandlers(services: Services): NamespaceHandlers<'cases'> {
  return {
    get: (input, ctx) => services.cases.get(input, ctx.agent),
    act: (input, ctx) => services.cases.act(input, ctx.agent),
    addNote: (input, ctx) => services.cases.addNote(input, ctx.agent),
    setQualification: (input, ctx) => services.cases.setQualification(input, ctx.agent),
    merge: (input, ctx) => services.cases.merge(input, ctx.agent),
    unmerge: (input, ctx) => services.cases.unmerge(input, ctx.agent),
    messageSource: (input, ctx) => services.cases.messageSource(input, ctx.agent),
  };
}
