import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface WorkspaceTab {
  caseId: number;
  /** Shown on the tab until the case is loaded: the number the desk row gave. */
  label: string;
}

/** The cases open in tabs beside the desks, as in the seed product: several at once, each closable. */
export const useWorkspaceStore = defineStore('workspace', () => {
  const tabs = ref<WorkspaceTab[]>([]);

  function open(caseId: number, label: string): void {
    const known = tabs.value.find((tab) => tab.caseId === caseId);
    if (known) known.label = label;
    else tabs.value.push({ caseId, label });
  }

  /** Closes a tab and answers the tab to show instead (the previous one), or null for the desk. */
  function close(caseId: number): WorkspaceTab | null {
    const index = tabs.value.findIndex((tab) => tab.caseId === caseId);
    if (index < 0) return null;
    tabs.value.splice(index, 1);
    return tabs.value[Math.max(0, index - 1)] ?? null;
  }

  function reset(): void {
    tabs.value = [];
  }

  return { tabs, open, close, reset };
});
