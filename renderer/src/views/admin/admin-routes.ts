import type { NavigationGuard, RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../../stores/session';
import AdminView from './AdminView.vue';
import AgentsView from './AgentsView.vue';
import BackupView from './BackupView.vue';
import FormsView from './FormsView.vue';
import MailboxesView from './MailboxesView.vue';
import QualificationsView from './QualificationsView.vue';
import QueuesView from './QueuesView.vue';
import RoutingRulesView from './RoutingRulesView.vue';
import SettingsView from './SettingsView.vue';
import TemplatesView from './TemplatesView.vue';

/** The sections in the side menu's order; the path words are French, as the rest of the URLs. */
export const adminSections = [
  { name: 'admin-mailboxes', path: 'boites-aux-lettres', label: 'mailboxes', component: MailboxesView },
  { name: 'admin-queues', path: 'files', label: 'queues', component: QueuesView },
  { name: 'admin-agents', path: 'agents', label: 'agents', component: AgentsView },
  { name: 'admin-forms', path: 'formulaires', label: 'forms', component: FormsView },
  { name: 'admin-qualifications', path: 'qualifications', label: 'qualifications', component: QualificationsView },
  { name: 'admin-templates', path: 'reponses-types', label: 'templates', component: TemplatesView },
  { name: 'admin-rules', path: 'regles-de-routage', label: 'rules', component: RoutingRulesView },
  { name: 'admin-settings', path: 'parametres', label: 'settings', component: SettingsView },
  { name: 'admin-backup', path: 'sauvegarde', label: 'backup', component: BackupView },
] as const;

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
