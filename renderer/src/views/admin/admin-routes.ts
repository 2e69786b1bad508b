import type { NavigationGuard, RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../../stores/session';
import AdminView from './AdminView.vue';
import { adminSections } from './admin-sections';

export const adminHome = { name: 'admin-queues' } as const;

/** `/administration/...`: one parent (the side menu) and a child per section. */
export const adminRoute: RouteRecordRaw = {
  path: '/administration',
  name: 'admin',
  component: AdminView,
  redirect: adminHome,
  meta: { administrator: true },
  children: adminSections.map(({ name, path, component }) => ({ name, path, component })),
};

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for the administrator role (the core refuses the calls to anyone else anyway). */
    administrator?: boolean;
  }
}

/**
 * Runs after the sign-in guard. An administrator handles no case (shared/domain/rights.ts), so their
 * desks are always empty: their home is the administration. Anyone else is kept out of it.
 */
export const administrationGuard: NavigationGuard = (to) => {
  const role = useSessionStore().agent?.role;
  if (!role || to.meta.public) return true;
  const administrator = role === 'administrator';
  if (administrator && to.name === 'desk') return adminHome;
  if (!administrator && to.matched.some((record) => record.meta.administrator)) return { path: '/' };
  return true;
};
