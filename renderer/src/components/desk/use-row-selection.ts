import { ref, watch } from 'vue';
import type { ListedRow } from '../../stores/desk-pages';

/**
 * The selected row of a virtual list, by position and by case: rows that move (a live update, a
 * new page) keep the same case selected; a row not loaded yet is selected by position until it comes.
 */
export function useRowSelection(rows: () => readonly ListedRow[], total: () => number) {
  const index = ref(-1);
  const caseId = ref<number | null>(null);

  function select(next: number): number {
    const clamped = Math.max(0, Math.min(total() - 1, next));
    index.value = clamped;
    caseId.value = rows()[clamped]?.id ?? null;
    return clamped;
  }

  /** The index a navigation key leads to, or null for a key that is not one. */
  function target(key: string, perPage: number): number | null {
    const from = index.value;
    switch (key) {
      case 'ArrowDown':
        return from + 1;
      case 'ArrowUp':
        return Math.max(0, from - 1);
      case 'PageDown':
        return Math.max(0, from) + perPage;
      case 'PageUp':
        return from - perPage;
      case 'Home':
        return 0;
      case 'End':
        return total() - 1;
      default:
        return null;
    }
  }

  watch(rows, (list) => {
    const moved = caseId.value === null ? -1 : list.findIndex((row) => row.id === caseId.value);
    if (moved >= 0) index.value = moved;
    else if (index.value >= 0) select(index.value);
  });

  return { index, caseId, select, target };
}
