import type { NavigationGuard } from 'vue-router';
import { useCentreStore } from '../../stores/centre';

/**
 * Runs before the sign-in guard. An empty centre (no agent at all: nobody could sign in) shows the
 * first-start choice wherever the window was going; once the centre exists, that screen is gone.
 */
export const firstStartGuard: NavigationGuard = async (to) => {
  const centre = useCentreStore();
  await centre.load();
  if (centre.empty) return to.name === 'first-start' ? true : { name: 'first-start' };
  return to.name === 'first-start' ? { name: 'sign-in' } : true;
};
