import AgentsView from './AgentsView.vue';
import BackupView from './BackupView.vue';
import FormsView from './FormsView.vue';
import MailboxesView from './MailboxesView.vue';
import QualificationsView from './QualificationsView.vue';
import QueuesView from './QueuesView.vue';
import RoutingRulesView from './RoutingRulesView.vue';
import SettingsView from './SettingsView.vue';
import TemplatesView from './TemplatesView.vue';

/**
 * The sections in the side menu's order; the path words are French, as the rest of the URLs. Apart
 * from the routes: AdminView lists them and the routes import AdminView, one module made a cycle.
 */
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
