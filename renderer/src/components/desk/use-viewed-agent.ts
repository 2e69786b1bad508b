import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { useSessionStore } from '../../stores/session';

/**
 * Whose En cours and Traités a supervisor is looking at, read from the route (`?agent=12`) so that
 * the choice survives a reload and the back button. Undefined: the signed-in agent's own desks.
 */
export function useViewedAgent() {
  const route = useRoute();
  const session = useSessionStore();

  const agentId = computed(() => {
    const value = Number(route.query.agent);
    const valid = Number.isSafeInteger(value) && value > 0 && value !== session.agent?.id;
    return session.isSupervisor && valid ? value : undefined;
  });
  const agentQuery = computed(() => (agentId.value === undefined ? {} : { agent: String(agentId.value) }));

  return { agentId, agentQuery };
}
