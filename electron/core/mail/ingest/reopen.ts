import type { CaseState } from '../../../../shared/domain/case-state';

/** What an incoming message finds. `closerId`: who closed the case, if they can still take it back. */
export interface CaseOnArrival {
  state: CaseState;
  assigneeId: number | null;
  unread: boolean;
  closerId: number | null;
}

export interface CaseAfterArrival {
  state: CaseState;
  assigneeId: number | null;
  unread: boolean;
  reopened: boolean;
}

/**
 * The reopen rules (PRODUCT.md "Incoming messages"): on `waiting_contact` the case becomes
 * `contact_replied` in its agent's En cours; on `closed` it becomes `todo` in the En cours of the
 * agent who closed it (the queue when nobody can take it); in other states it is flagged unread.
 * A message written by a machine changes nothing: auto-replies never reopen a case.
 */
export function afterArrival(current: CaseOnArrival, automatic: boolean): CaseAfterArrival {
  const { state, assigneeId, unread } = current;
  if (automatic) return { state, assigneeId, unread, reopened: false };
  switch (state) {
    case 'waiting_contact':
      return { state: 'contact_replied', assigneeId, unread: true, reopened: true };
    case 'closed':
      return { state: 'todo', assigneeId: current.closerId, unread: true, reopened: true };
    default:
      return { state, assigneeId, unread: true, reopened: false };
  }
}
