import type { ConnectionOptions } from 'node:tls';
import type { Core } from '../create-core';
import { journalMailEvents } from '../logging/mail-journal';
import { createDemoMail } from '../demo/demo-mail';
import { createBlobStore } from '../storage/blob-store';
import { createMailSyncManager, type MailSyncManager } from './imap/mail-sync-manager';
import type { BatchLimits } from './imap/uid-batches';
import { createIngestSink } from './ingest/create-ingest-sink';
import { createWaitingMessageSender } from './ingest/waiting-messages';
import { createOutboxWorker } from './outbox/outbox-worker';

export interface MailRuntimeOptions {
  /** Extra trust for servers with a private certificate authority. */
  tls?: ConnectionOptions;
  /** How often waiting messages are checked; a queue announces delays in hours. */
  waitingCheckMs?: number;
  /** Fetch limits (the tests lower the size past which a message is not downloaded). */
  limits?: Partial<BatchLimits>;
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
    ...tls,
    local,
  });
  const outbox = createOutboxWorker({ db, clock, events, secrets, notifier, dataDir, log: options.log ?? core.log.scoped('outbox').error, local, ...tls });
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
      await Promise.all([sync.stop(), outbox.stop()]);
      stopJournal();
      await local.stop();
    },
  };
}
