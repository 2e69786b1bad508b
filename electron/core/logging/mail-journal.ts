import type { EventPayload } from '../../../shared/contract';
import type { EventBus } from '../event-bus';
import type { AppLogger } from './logger';

type SyncStatus = EventPayload<'sync.status'>;

/**
 * What mail sync and the outbox tell the windows, written to the journal in the process that runs
 * them: one line when a mailbox's sync changes phase (progress ticks are not news), one per error,
 * one per reply that finally could not leave. Started by the mail runtime, so that Electron's main,
 * which only hears these events mirrored, does not write them a second time.
 */
export function journalMailEvents(events: EventBus, log: AppLogger): () => void {
  const sync = log.scoped('sync');
  const outbox = log.scoped('outbox');
  const lastPhase = new Map<number, SyncStatus['phase']>();
  /** The last progress tick of each mailbox's fetch, told once it is up to date. */
  const fetched = new Map<number, number>();

  return events.subscribe((name, payload) => {
    if (name === 'sync.status') {
      const status = payload as SyncStatus;
      const repeated = lastPhase.get(status.mailboxId) === status.phase;
      lastPhase.set(status.mailboxId, status.phase);
      // Every failure is news (each retry may fail differently); a phase repeated is a progress tick.
      if (status.phase === 'syncing' && status.done !== undefined) fetched.set(status.mailboxId, status.done);
      if (status.phase === 'error') sync.warn('sync failed', undefined, { mailbox: status.mailboxId, reason: status.message });
      else if (!repeated) sync.info(phaseText[status.phase], { mailbox: status.mailboxId, total: status.total, fetched: status.phase === 'idle' ? fetched.get(status.mailboxId) : undefined });
      if (status.phase === 'idle') fetched.delete(status.mailboxId);
    } else if (name === 'outbox.failed') {
      const failed = payload as EventPayload<'outbox.failed'>;
      outbox.warn('message not sent', undefined, { outbox: failed.outboxId, case: failed.caseId, reason: failed.reason });
    } else if (name === 'mailboxes.changed') {
      sync.info('mailbox settings changed: sync restarts', { mailbox: (payload as EventPayload<'mailboxes.changed'>).mailboxId });
    }
  });
}

const phaseText: Record<Exclude<SyncStatus['phase'], 'error'>, string> = {
  connecting: 'connecting',
  syncing: 'fetching new messages',
  idle: 'up to date, waiting for new messages',
};
