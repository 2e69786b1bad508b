import type { Database } from '../../db/database';
import type { EventBus } from '../../event-bus';
import type { Clock, Notifier, SecretStore } from '../../ports';
import { createBlobStore } from '../../storage/blob-store';
import { noLocalMailboxes, type LocalMailboxes } from '../local-mailboxes';
import { announceFailure, announcePartialDelivery } from './failure-notice';
import { deliverLocally } from './local-attempt';
import { defaultMailTimeouts, type MailTimeouts, type MailTrust } from './mail-endpoint';
import { rawMessage } from './network-reasons';
import { claimDue, recordFailed, recordRetry, recordSent, renewLease, wasAccepted, type Claim } from './outbox-rows';
import { createOutboxSpool } from './outbox-spool';
import { attemptsExhausted, defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-policy';
import { attemptDelivery, type AttemptDeps, type AttemptOutcome } from './send-attempt';

export interface OutboxWorkerOptions {
  db: Database;
  clock: Clock;
  events: EventBus;
  secrets: SecretStore;
  notifier: Notifier;
  dataDir: string;
  /** Extra trust (`ca`) for servers with a private certificate authority, such as the tests' rig. */
  tls?: MailTrust;
  timeouts?: Partial<MailTimeouts>;
  retry?: Partial<RetryPolicy>;
  /**
   * How long a claimed row belongs to its worker without news; renewed every third of it while
   * the worker works. Past it, another start of the app treats the row as left by a crash.
   */
  leaseMs?: number;
  /** How often due rows are looked for while started. */
  pollMs?: number;
  batchSize?: number;
  /** Mailboxes delivered without a server (the demo's); their rows never reach SMTP. */
  local?: LocalMailboxes;
  log?: (message: string, error: unknown) => void;
}

export type RowResult = 'sent' | 'retry' | 'failed';

export interface OutboxWorker {
  start(): void;
  /**
   * Stops polling and cuts the attempt in progress (a dead server must not hold the application's
   * exit), then waits until its outcome is recorded: the next start retries it or resolves it.
   */
  stop(): Promise<void>;
  /** Sends every row due now, each at most once, and says what became of them (tests, `wake`). */
  runOnce(): Promise<Map<number, RowResult>>;
}

/**
 * The outbox sender (PRODUCT.md "Replying": durable, retried with backoff, sent at most once). Rows are
 * claimed in one transaction, sent outside any transaction, and their result recorded in another.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const pollMs = options.pollMs ?? 5_000;
  const log = options.log ?? ((message, error) => console.error(`[outbox] ${message}`, error));
  const deps: Omit<AttemptDeps, 'signal'> = {
    db: options.db,
    clock: options.clock,
    secrets: options.secrets,
    dataDir: options.dataDir,
    spool: createOutboxSpool(options.dataDir),
    blobs: createBlobStore(options.dataDir),
    trust: options.tls ?? {},
    timeouts: { ...defaultMailTimeouts, ...options.timeouts },
  };
  const local = options.local ?? noLocalMailboxes;
  const attempt = (claim: Claim, signal: AbortSignal) =>
    local.has(claim.mailboxId) ? deliverLocally({ ...deps, signal }, local, claim) : attemptDelivery({ ...deps, signal }, claim);
  const inFlight = new Set<number>();
  let halt = new AbortController();
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let stopListening: () => void = () => undefined;

  async function runDue(): Promise<Map<number, RowResult>> {
    const results = new Map<number, RowResult>();
    while (!halt.signal.aborted) {
      const busy = new Set([...inFlight, ...results.keys()]);
      const claims = claimDue(deps.db, deps.clock.now(), leaseMs, options.batchSize ?? 10, busy);
      if (claims.length === 0) return results;
      for (const claim of claims) results.set(claim.id, await process(claim));
    }
    return results;
  }

  async function process(claim: Claim): Promise<RowResult> {
    inFlight.add(claim.id);
    const heartbeat = setInterval(() => renewLease(deps.db, claim.id, new Date(deps.clock.now().getTime() + leaseMs)), leaseMs / 3);
    heartbeat.unref();
    try {
      return await settle(claim, await attempt(claim, halt.signal));
    } catch (error) {
      // A fault of ours, not of the server: the row stays `sending` and is resolved once its
      // lease lapses, like after a crash, which can never send it twice. Bounded like the rest.
      log(`reply ${claim.id} could not be processed`, error);
      if (!attemptsExhausted(policy, claim.attempts)) return 'retry';
      const reason = `erreur inattendue : ${rawMessage(error)}`;
      return await settle(claim, wasAccepted(deps.db, claim.id) ? { kind: 'unfiled', reason } : { kind: 'unresolved', reason });
    } finally {
      clearInterval(heartbeat);
      inFlight.delete(claim.id);
    }
  }

  async function settle(claim: Claim, outcome: AttemptOutcome): Promise<RowResult> {
    const now = deps.clock.now();
    if (outcome.kind === 'sent') {
      recordSent(deps.db, claim.id, now, outcome);
      if (outcome.note) announcePartialDelivery(options.notifier, claim, outcome.note);
      await dropSpool(claim.id);
      return 'sent';
    }
    if (outcome.kind === 'refused') return fail(claim, outcome.reason, now);
    if (attemptsExhausted(policy, claim.attempts)) {
      if (outcome.kind !== 'unfiled') return fail(claim, finalReason(outcome, claim.attempts), now);
      // It did leave: telling the agent it failed would only invite a duplicate.
      recordSent(deps.db, claim.id, now, { note: outcome.reason, raw: null });
      return 'sent';
    }
    const status = outcome.kind === 'not_sent' ? 'queued' : 'sending';
    recordRetry(deps.db, claim.id, { status, retryAt: new Date(now.getTime() + retryDelayMs(policy, claim.attempts)), reason: outcome.reason });
    return 'retry';
  }

  async function fail(claim: Claim, reason: string, now: Date): Promise<RowResult> {
    const failed = recordFailed(deps.db, claim.id, now, reason);
    if (failed) announceFailure(options, claim, failed, reason);
    await dropSpool(claim.id);
    return 'failed';
  }

  /** Once the row is final; a leftover file is only disk space, never a reason to fail. */
  async function dropSpool(outboxId: number): Promise<void> {
    await deps.spool.remove(outboxId).catch((error: unknown) => log(`spool of ${outboxId} not removed`, error));
  }

  function runOnce(): Promise<Map<number, RowResult>> {
    const run = chain.then(runDue);
    chain = run.catch(() => undefined);
    return run;
  }

  function cancelTimer(): void {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  /** At most one timer pending: a wake-up replaces the poll that was due. */
  function schedule(delayMs: number): void {
    cancelTimer();
    if (!started) return;
    timer = setTimeout(() => {
      timer = null;
      runOnce()
        .catch((error: unknown) => log('outbox run failed', error))
        .finally(() => schedule(pollMs));
    }, delayMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      if (started) return;
      started = true;
      if (halt.signal.aborted) halt = new AbortController();
      // A reply action changes its case: look at once rather than at the next poll.
      stopListening = options.events.subscribe((name) => name === 'case.changed' && schedule(0));
      schedule(0);
    },
    async stop() {
      started = false;
      stopListening();
      cancelTimer();
      halt.abort();
      await chain;
    },
  };
}

function finalReason(outcome: { kind: 'not_sent' | 'unresolved'; reason: string }, attempts: number): string {
  const tried = `${attempts} tentatives`;
  if (outcome.kind === 'unresolved') return `envoi incertain après ${tried}, vérifiez avant de renvoyer : ${outcome.reason}`;
  return `non envoyée après ${tried} : ${outcome.reason}`;
}
