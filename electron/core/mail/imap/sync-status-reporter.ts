import type { EventPayload } from '../../../../shared/contract';

export type SyncStatus = EventPayload<'sync.status'>;

/** One phase and only the fields it has: `done`/`total` only while syncing, a message only on error. */
export type SyncPhase =
  | { phase: 'connecting' }
  | { phase: 'syncing'; done: number; total: number }
  | { phase: 'idle' }
  | { phase: 'error'; message: string };

export interface StatusReporter {
  report(phase: SyncPhase): void;
  /** A pass completed at `at` (ISO 8601): carried by every later status as `lastSuccessAt`. */
  succeeded(at: string): void;
}

export function createStatusReporter(mailboxId: number, lastSuccessAt: string | null, emit: (status: SyncStatus) => void): StatusReporter {
  let last = lastSuccessAt;
  return {
    report: (phase) => emit({ mailboxId, ...phase, lastSuccessAt: last }),
    succeeded: (at) => void (last = at),
  };
}
