import { describe, expect, it } from 'vitest';
import type { DeskRow, DeskSort } from '../../shared/domain/desk';
import { compareDeskRows, patchDeskRows } from '../../shared/domain/desk-order';

const row = (id: number, receivedAt: string, state: DeskRow['state'] = 'todo'): DeskRow => ({
  id,
  number: String(id).padStart(6, '0'),
  subject: `Dossier ${id}`,
  state,
  contactName: 'Jeanne Petit',
  queueId: 1,
  queueName: 'Service clients',
  media: 'email',
  assigneeId: null,
  assigneeName: null,
  receivedAt,
  unread: false,
  version: 1,
});
const newestFirst: DeskSort = { by: 'received', direction: 'desc' };
const ids = (rows: DeskRow[]) => rows.map((r) => r.id);

describe('compareDeskRows', () => {
  it('orders as the core does: keys in the sort’s direction, then the id', () => {
    const [a, b] = [row(1, '2025-03-10T10:00:00.000Z'), row(2, '2025-03-10T10:00:00.000Z')];
    expect(compareDeskRows(a, b, newestFirst)).toBeGreaterThan(0);
    expect(compareDeskRows(a, b, { by: 'received', direction: 'asc' })).toBeLessThan(0);
    const waiting = row(3, '2025-01-01T00:00:00.000Z', 'waiting_contact');
    expect(compareDeskRows(a, waiting, { by: 'state', direction: 'asc' })).toBeLessThan(0);
    expect(compareDeskRows(a, a, { by: 'number', direction: 'asc' })).toBe(0);
  });
});

describe('patchDeskRows', () => {
  const loaded = [row(5, '2025-03-05T00:00:00.000Z'), row(4, '2025-03-04T00:00:00.000Z'), row(2, '2025-03-02T00:00:00.000Z')];

  it('drops a changed case the desk no longer holds, and updates one it still holds in place', () => {
    const read = { ...row(4, '2025-03-04T00:00:00.000Z'), unread: true };
    const patched = patchDeskRows(loaded, [5, 4], [read], newestFirst, true);
    expect(ids(patched)).toEqual([4, 2]);
    expect(patched[0]?.unread).toBe(true);
  });

  it('puts an arriving case at its place among the loaded rows', () => {
    expect(ids(patchDeskRows(loaded, [3], [row(3, '2025-03-03T00:00:00.000Z')], newestFirst, false))).toEqual([5, 4, 3, 2]);
    expect(ids(patchDeskRows(loaded, [9], [row(9, '2025-03-09T00:00:00.000Z')], newestFirst, false))).toEqual([9, 5, 4, 2]);
  });

  it('leaves a case that sorts past the loaded rows to its page while pages remain', () => {
    const older = row(1, '2025-03-01T00:00:00.000Z');
    expect(ids(patchDeskRows(loaded, [1], [older], newestFirst, false))).toEqual([5, 4, 2]);
    expect(ids(patchDeskRows(loaded, [1], [older], newestFirst, true))).toEqual([5, 4, 2, 1]);
  });

  it('keeps the boundary of the loaded pages even when the last loaded row leaves', () => {
    // Row 1 sorts after row 2, where the cursor stands: its page brings it, not the patch.
    const patched = patchDeskRows(loaded, [2, 1], [row(1, '2025-03-01T00:00:00.000Z')], newestFirst, false);
    expect(ids(patched)).toEqual([5, 4]);
  });
});
