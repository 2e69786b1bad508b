import type { ConnectionOptions } from 'node:tls';
import type { Core } from '../create-core';
import { journalMailEvents } from '../logging/mail-journal';
import { createDemoMail } from '../demo/demo-mail';
import { createBlobStore } from '../storage/blob-store';
import type { SupervisorTiming } from './imap/imap-supervisor';
import { createMailSyncManager, type MailSyncManager } from './imap/mail-sync-manager';
import type { BatchLimits } from './imap/uid-batches';
import { pause } from './imap/wake-signal';
import { createIngestSink } from './ingest/create-ingest-sink';
import { createWaitingMessageSender } from './ingest/waiting-messages';
import { createOutboxWorker, type OutboxWorkerOptions } from './outbox/outbox-worker';

export interface MailRuntimeOptions {
  /** Extra trust for servers with a private certificate authority. */
  tls?: ConnectionOptions;
  /** How often waiting messages are checked; a queue announces delays in hours. */
  waitingCheckMs?: number;
  /** Fetch limits (the tests lower the size past which a message is not downloaded). */
  limits?: Partial<BatchLimits>;
  /** IMAP watchdog, IDLE and backoff periods (the fault tests shorten them). */
  timing?: Partial<SupervisorTiming>;
  /** The outbox's retry policy and polling (the fault tests shorten them). */
  outbox?: Pick<OutboxWorkerOptions, 'retry' | 'pollMs' | 'timeouts'>;
  /**
   * How long stop() waits for sync, sends and notices to wind down. Each cuts its connections
   * on stop; this bounds what nobody foresaw, so that quitting never hangs on a mail server.
   */
  stopWithinMs?: number;
  /** How long the demo centre's customers take to answer (tests shorten it). */
  demoAnswerDelayMs?: number;
  log?: (message: string, error: unknown) => void;
}

export interface MailRuntime {
  sync: MailSyncManager;
  stop(): Promise<void>;
}

/**
 * Everything that talks to mail servers, started by whoever runs the app (browser host, Electron
 * shell) and never by createCore: tests of the core then run without timers or sockets, and the
 * mail tests start exactly the part they exercise.
 */
export async function startMailRuntime(core: Core, options: MailRuntimeOptions = {}): Promise<MailRuntime> {
  const { db, clock, events, secrets, notifier, dataDir } = core;
  const log = options.log ?? core.log.scoped('mail').error;
  const tls = options.tls ? { tls: options.tls } : {};
  // The demo's mailbox is delivered on this computer; a real centre has no such mailbox.
  const local = createDemoMail({ db, clock, events, dataDir, log, ...(options.demoAnswerDelayMs === undefined ? {} : { answerDelayMs: options.demoAnswerDelayMs }) });
  const sync = createMailSyncManager({
    db,
    events,
    secrets,
    clock,
    sink: createIngestSink({ db, clock, events, dataDir }),
    blobs: createBlobStore(dataDir),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.timing ? { timing: options.timing } : {}),
    ...tls,
    local,
  });
  const outboxLog = options.log ?? core.log.scoped('outbox').error;
  const outbox = createOutboxWorker({ db, clock, events, secrets, notifier, dataDir, log: outboxLog, local, ...options.outbox, ...tls });
  const waiting = createWaitingMessageSender({ db, clock, events });
  const timer = setInterval(() => {
    try {
      waiting.sendDueWaitingMessages();
    } catch (error) {
      log('waiting messages failed', error);
    }
  }, options.waitingCheckMs ?? 60_000);
  timer.unref();
  // An administrator added, changed or suspended a mailbox: its sync follows at once.
  const stopListening = events.subscribe((name) => {
    if (name === 'mailboxes.changed') sync.reload().catch((error: unknown) => log('mailbox reload failed', error));
  });
  const stopJournal = journalMailEvents(events, core.log);
  outbox.start();
  await sync.reload();
  return {
    sync,
    stop: async () => {
      clearInterval(timer);
      stopListening();
      const winding = (async () => {
        await Promise.all([sync.stop(), outbox.stop()]);
        await local.stop();
      })();
      const within = options.stopWithinMs ?? 3_000;
      const timeUp = new AbortController();
      const done = await Promise.race([winding.then(() => true), pause(within, timeUp.signal).then(() => false)]);
      timeUp.abort();
      if (!done) log(`mail still winding down after ${within} ms; the rest ends with the process`, null);
      stopJournal();
    },
  };
}
