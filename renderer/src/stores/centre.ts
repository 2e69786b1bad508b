import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { Checklist, CreateCentre, SetupStatus } from '../../../shared/domain/setup-schema';
import { api } from '../api';

/**
 * What kind of centre this is (issue 13): empty (the first-start choice shows instead of sign-in),
 * the demo (its screens say so), or a real one, whose administration home keeps a checklist until
 * the centre is set up. The core is the authority; this is its mirror.
 */
export const useCentreStore = defineStore('centre', () => {
  const status = ref<SetupStatus | null>(null);
  const checklist = ref<Checklist>([]);
  let loading: Promise<void> | null = null;

  const empty = computed(() => status.value?.state === 'empty');
  const demo = computed(() => status.value?.state === 'demo');
  const checklistDone = computed(() => checklist.value.every((entry) => entry.done));

  /** Asked once per window; an unreachable core leaves it unknown, and sign-in says why. */
  function load(): Promise<void> {
    loading ??= refresh();
    return loading;
  }

  async function refresh(): Promise<void> {
    try {
      status.value = await api.setup.status();
    } catch {
      status.value = null;
    }
  }

  async function loadDemo(): Promise<void> {
    status.value = await api.setup.loadDemo();
  }

  /** The core signs this window in as the new administrator. */
  async function createCentre(input: CreateCentre): Promise<AgentSummary> {
    const administrator = await api.setup.createCentre(input);
    await refresh();
    return administrator;
  }

  async function loadChecklist(): Promise<void> {
    checklist.value = await api.setup.checklist();
  }

  return { status, checklist, empty, demo, checklistDone, load, refresh, loadDemo, createCentre, loadChecklist };
});
