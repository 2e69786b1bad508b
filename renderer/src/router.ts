import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router';
import { homeRoute } from './home-route';
import { useSessionStore } from './stores/session';
import CaseView from './views/CaseView.vue';
import CreateCaseView from './views/CreateCaseView.vue';
import ContactsView from './views/ContactsView.vue';
import AddressBookView from './views/AddressBookView.vue';
import DeskView from './views/DeskView.vue';
import QuarantineView from './views/QuarantineView.vue';
import SignInView from './views/SignInView.vue';
import { can, type Right } from '../../shared/domain/rights';
import { adminRoute, administrationGuard } from './views/admin/admin-routes';
import FirstStartView from './views/first-start/FirstStartView.vue';
import { firstStartGuard } from './views/first-start/first-start-guard';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a signed-in agent. */
    public?: boolean;
    /** Only for roles with this right (the core refuses the calls to anyone else anyway). */
    right?: Right;
  }
}

/** The URL words of the desks, in French as the UI: `/bureau/en-cours`, `/bureau/file/3`. */
export const deskSlugs = ['en-cours', 'traites', 'validation'] as const;
export type DeskSlug = (typeof deskSlugs)[number];


/**
 * Hash history: `app://unified/index.html#/bureau/en-cours` and `http://127.0.0.1:PORT/#/…` both
 * work without the server knowing any route. Created by a function, after the WebSocket transport
 * has taken the token out of the URL (hash history keeps whatever search part it finds).
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({
    history,
    routes: [
      { path: '/', redirect: homeRoute },
      { path: '/connexion', name: 'sign-in', component: SignInView, meta: { public: true } },
      { path: '/premier-demarrage', name: 'first-start', component: FirstStartView, meta: { public: true } },
      {
        path: '/bureau/file/:queueId(\\d+)',
        name: 'queue',
        component: DeskView,
      },
      {
        path: '/bureau/:desk(en-cours|traites|validation)',
        name: 'desk',
        component: DeskView,
      },
      { path: '/dossier/:caseId(\\d+)', name: 'case', component: CaseView },
      // `?contact=<id>`: « CRÉER DOSSIER » from a contact card pre-fills the form with it.
      { path: '/creer-dossier', name: 'create-case', component: CreateCaseView },
      { path: '/contacts', name: 'contacts', component: ContactsView },
      { path: '/carnet-d-adresses', name: 'address-book', component: AddressBookView },
      { path: '/quarantaine', name: 'quarantine', component: QuarantineView, meta: { right: 'manage_quarantine' } },
      adminRoute,
      { path: '/:unknown(.*)*', redirect: homeRoute },
    ],
  });

  router.beforeEach(firstStartGuard);

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.restore();
    if (to.meta.public) {
      return to.name === 'sign-in' && session.agent ? homeRoute : true;
    }
    if (!session.agent) {
      // Only a deep link is worth coming back to; the default desk is where sign-in leads anyway.
      const deepLink = to.name !== homeRoute.name || to.params.desk !== homeRoute.params.desk;
      return { name: 'sign-in', query: deepLink ? { redirect: to.fullPath } : {} };
    }
    if (to.name === 'desk' && to.params.desk === 'validation' && !session.isSupervisor) return homeRoute;
    if (to.meta.right && !can({ role: session.agent.role }, to.meta.right)) return homeRoute;
    return true;
  });

  router.beforeEach(administrationGuard);

  return router;
}
