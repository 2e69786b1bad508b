import { invalidField } from '../access';

/**
 * Names people tell apart by reading: `Réclamations` and `reclamations` would be two queues nobody
 * can choose between, so they count as the same name.
 */
export const sameName = (a: string, b: string): boolean =>
  a.localeCompare(b, 'fr', { sensitivity: 'base', ignorePunctuation: false }) === 0;

interface Named {
  id: number;
  name: string;
}

/** Refuses `name` on `field` when another row (not `exceptId`) already has it. */
export function assertNameFree(
  existing: readonly Named[],
  name: string,
  exceptId: number | null,
  field: string,
  message: string,
): void {
  if (existing.some((row) => row.id !== exceptId && sameName(row.name, name))) throw invalidField(field, message);
}
