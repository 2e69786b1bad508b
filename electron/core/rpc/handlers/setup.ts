import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

export function setupHandlers({ setup }: Services): NamespaceHandlers<'setup'> {
  return {
    status: () => setup.status(),
    loadDemo: () => setup.loadDemo(),
    createCentre: (input, ctx) => {
      const administrator = setup.createCentre(input);
      // Whoever created the centre carries on setting it up, without typing the password again.
      ctx.begin(administrator.id);
      return administrator;
    },
    checklist: (_input, ctx) => setup.checklist(ctx.agent),
  };
}
