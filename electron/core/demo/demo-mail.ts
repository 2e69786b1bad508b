import type { EventBus } from '../event-bus';
import type { Database } from '../db/database';
import { createIngestSink } from '../mail/ingest/create-ingest-sink';
import type { LocalMailboxes } from '../mail/local-mailboxes';
import type { Clock } from '../ports';
import { createBlobStore } from '../storage/blob-store';
import { createDemoCustomer } from './demo-customer';
import { createDemoMailSink } from './demo-mail-sink';
import { isDemoMailbox } from './demo-mailbox';

export interface DemoMailDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  dataDir: string;
  /** How long the demo's customers take to answer; a few seconds by default. */
  answerDelayMs?: number;
  log: (message: string, error: unknown) => void;
}

export const defaultDemoAnswerDelayMs = 8_000;

/**
 * The demo centre's mail, as the mail runtime's local mailboxes: its mailbox delivers into the
 * demo mail sink inside the data folder (no network), and its customers answer some replies. In a
 * real centre no mailbox is the demo's: `has` is false for all, and nothing here ever runs.
 */
export function createDemoMail(deps: DemoMailDeps): LocalMailboxes & { stop(): Promise<void> } {
  const sink = createDemoMailSink(deps.dataDir);
  const customer = createDemoCustomer({
    db: deps.db,
    clock: deps.clock,
    sink: createIngestSink(deps),
    blobs: createBlobStore(deps.dataDir),
    delayMs: deps.answerDelayMs ?? defaultDemoAnswerDelayMs,
    log: deps.log,
  });
  return {
    has: (mailboxId) => isDemoMailbox(deps.db, mailboxId),
    async deliver(message) {
      await sink.store(message);
      customer.consider(message);
    },
    stop: () => customer.stop(),
  };
}
