import type { ConnectionOptions } from 'node:tls';
import type { ImapFlow } from 'imapflow';
import type { Clock, SecretStore } from '../../ports';
import type { BlobStore } from '../../storage/blob-store';
import type { IngestSink } from '../incoming-mail';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import type { CheckpointStore } from './checkpoint-store';
import { runSession, type SessionDeps } from './imap-session';
import type { Mailbox } from './mailbox-settings';
import { describeSyncError } from './sync-errors';
import { createStatusReporter, type SyncStatus } from './sync-status-reporter';
import { defaultBatchLimits, type BatchLimits } from './uid-batches';
import { pause, WakeSignal } from './wake-signal';

export interface SupervisorTiming {
  /** IDLE is restarted this often (RFC 2177 asks for less than 29 minutes). */
  maxIdleMs: number;
  /** imapflow's socket inactivity timeout (its default: 5 minutes). */
  socketTimeoutMs: number;
  pollIntervalMs: number;
  silenceGraceMs: number;
  backoff: BackoffPolicy;
  /**
   * How long stop() waits for LOGOUT before closing the socket. Short: a live server answers in
   * milliseconds, and a silent one must not hold the application's exit up.
   */
  logoutTimeoutMs: number;
}

export const defaultTiming: SupervisorTiming = {
  maxIdleMs: 10 * 60_000,
  socketTimeoutMs: 5 * 60_000,
  pollIntervalMs: 60_000,
  silenceGraceMs: 60_000,
  backoff: defaultBackoff,
  logoutTimeoutMs: 1_000,
};

export interface SupervisorDeps {
  secrets: SecretStore;
  sink: IngestSink;
  checkpoints: CheckpointStore;
  blobs: BlobStore;
  clock: Clock;
  onStatus: (status: SyncStatus) => void;
  limits?: Partial<BatchLimits>;
  timing?: Partial<SupervisorTiming>;
  /** Extra TLS options (tests trust the rig's certificate with `{ ca }`). */
  tls?: ConnectionOptions;
  listen?: 'auto' | 'poll';
  random?: () => number;
  /** Waits between two attempts (tests record the delays). */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ImapSupervisor {
  readonly mailboxId: number;
  start(): void;
  /** Logs out and ends; no reconnection after it. */
  stop(): Promise<void>;
  /** Runs a pass as soon as the connection is free. */
  syncNow(): void;
}

async function logoutWithin(client: ImapFlow, ms: number): Promise<void> {
  await Promise.race([client.logout().catch(() => undefined), pause(ms)]);
  client.close();
}

/**
 * Keeps one mailbox in sync: connect, pass, IDLE (or poll), a pass on every `exists`; on any
 * failure a fresh connection after a capped, jittered backoff, with `sync.status` telling the
 * agents where it stands (French messages for the errors).
 */
export function createImapSupervisor(mailbox: Mailbox, deps: SupervisorDeps): ImapSupervisor {
  const timing = { ...defaultTiming, ...deps.timing };
  const wait = deps.wait ?? pause;
  const wake = new WakeSignal();
  const stopped = new AbortController();
  const target = { mailboxId: mailbox.id, folder: mailbox.inboxFolder, sentFolder: mailbox.sentFolder };
  const lastSync = deps.checkpoints.read(mailbox.id, mailbox.inboxFolder)?.syncedAt ?? null;
  const status = createStatusReporter(mailbox.id, lastSync, deps.onStatus);
  const errorContext = { host: mailbox.imapHost, port: mailbox.imapPort, folder: mailbox.inboxFolder };
  let client: ImapFlow | null = null;
  let loop: Promise<void> | null = null;

  const session: SessionDeps = {
    endpoint: { host: mailbox.imapHost, port: mailbox.imapPort, tls: mailbox.imapTls, user: mailbox.imapUser },
    secretKey: mailbox.secretKey,
    target,
    secrets: deps.secrets,
    pass: {
      sink: deps.sink,
      checkpoints: deps.checkpoints,
      blobs: deps.blobs,
      clock: deps.clock,
      limits: { ...defaultBatchLimits, ...deps.limits },
    },
    tuning: { ...timing, listen: deps.listen ?? 'auto', tls: deps.tls },
    wake,
    stopping: () => stopped.signal.aborted,
    onClient: (current) => void (client = current),
    onProgress: (done, total) => status.report({ phase: 'syncing', done, total }),
    onPass: () => {
      status.succeeded(deps.clock.now().toISOString());
      status.report({ phase: 'idle' });
    },
  };

  async function run(): Promise<void> {
    let attempt = 0;
    while (!stopped.signal.aborted) {
      status.report({ phase: 'connecting' });
      const end = await runSession(session);
      if (stopped.signal.aborted) return;
      if (end.synced) attempt = 0;
      if (end.error !== null) status.report({ phase: 'error', message: describeSyncError(end.error, errorContext) });
      await wait(backoffDelay(attempt++, timing.backoff, deps.random), stopped.signal);
    }
  }

  return {
    mailboxId: mailbox.id,
    start() {
      loop ??= run();
    },
    async stop() {
      stopped.abort();
      wake.raise();
      if (client) await logoutWithin(client, timing.logoutTimeoutMs);
      await loop;
    },
    syncNow: () => wake.raise(),
  };
}
