import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function creationHandlers(services: Services): NamespaceHandlers<'creation'> {
  return {
    options: (_input, ctx) => services.creation.options(ctx.agent),
    submit: (input, ctx) => services.creation.submit(input, ctx.agent),
  };
}
