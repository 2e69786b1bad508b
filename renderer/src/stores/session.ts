import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AgentSummary, DemoAccount } from '../../../shared/domain/agent';
import { api } from '../api';

const lastLoginKey = 'unified.lastLogin';

/** Who is signed in on this window or tab. The core holds the session; this is its mirror. */
export const useSessionStore = defineStore('session', () => {
  const agent = ref<AgentSummary | null>(null);
  /** The demo's accounts, shown beside the demo password; a real centre lists none. */
  const demoAccounts = ref<DemoAccount[]>([]);
  const demo = ref(false);
  /** Set when the core dropped the session (reconnection, expiry), to tell the agent why. */
  const expired = ref(false);
  let restoring: Promise<void> | null = null;
  /** Set while this window signs out everywhere: its own `session.ended` is no surprise. */
  let leaving = false;

  const isSupervisor = computed(() => agent.value?.role === 'supervisor');

  /**
   * Asks the core once whether this connection is already signed in (Electron window reload), and
   * from then on hears when the core ends the session (idle time, another window's « partout »).
   */
  function restore(): Promise<void> {
    if (!restoring) {
      api.on('session.ended', () => markExpired());
      restoring = refresh();
    }
    return restoring;
  }

  /** Re-reads the session, e.g. after a reconnection: a new socket is a new core connection. */
  async function refresh(): Promise<void> {
    const wasSignedIn = agent.value !== null;
    try {
      agent.value = await api.session.current();
    } catch {
      agent.value = null;
    }
    if (wasSignedIn && !agent.value) expired.value = true;
  }

  /** What the sign-in screen needs; failures reach the view, which offers to retry. */
  async function loadSignInChoices(): Promise<void> {
    const [list, info] = await Promise.all([api.session.agents(), api.app.info()]);
    demoAccounts.value = list;
    demo.value = info.demo;
  }

  async function signIn(login: string, password: string): Promise<AgentSummary> {
    const signedIn = await api.session.signIn({ login, password });
    agent.value = signedIn;
    expired.value = false;
    remember(login.trim().toLowerCase());
    return signedIn;
  }

  async function signOut(): Promise<void> {
    try {
      await api.session.signOut();
    } finally {
      // Even if the core is unreachable, this window must stop showing the agent's cases.
      agent.value = null;
    }
  }

  /** Ends this agent's sessions in every window and on every computer, this one included. */
  async function signOutEverywhere(): Promise<void> {
    leaving = true;
    try {
      await api.session.signOutEverywhere();
      agent.value = null;
    } finally {
      leaving = false;
    }
  }

  /** A call answered `unauthenticated`, or the core said the session ended: the UI forgets it too. */
  function markExpired(): void {
    if (agent.value && !leaving) expired.value = true;
    agent.value = null;
  }

  return {
    agent,
    demoAccounts,
    demo,
    expired,
    isSupervisor,
    restore,
    refresh,
    loadSignInChoices,
    signIn,
    signOut,
    signOutEverywhere,
    markExpired,
  };
});

/** The login last signed in with on this machine, filled in so only the password is left to type. */
export function lastLogin(): string {
  try {
    return localStorage.getItem(lastLoginKey) ?? '';
  } catch {
    return '';
  }
}

function remember(login: string): void {
  try {
    localStorage.setItem(lastLoginKey, login);
  } catch {
    // Storage disabled: the agent simply types their login again next time.
  }
}
