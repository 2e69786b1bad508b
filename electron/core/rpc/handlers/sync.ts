import type { Services } from '../../services';
import type { NamespaceHandlers } from '../handlers-type';

/** Every signed-in agent sees how mail sync goes: the header shows it to all. */
export function syncHandlers({ syncStatus }: Services): NamespaceHandlers<'sync'> {
  return {
    current: () => syncStatus.current(),
  };
}
