import path from 'node:path';
import { z } from 'zod';
import type { Envelope } from '../../shared/contract';
import { openDatabase, type Database } from './db/database';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { EventBus, type EventListener } from './event-bus';
import { ensurePrivateDataDir } from './storage/private-data-dir';
import { systemClock, silentNotifier, memorySecretStore, type Clock, type FileOpener, type Notifier, type SecretStore } from './ports';
import { createFileLogger, type AppLogger } from './logging/logger';
import { createConnectionSession } from './rpc/connection-session';
import { dispatch } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import { createServices } from './services';

// Schema messages that the product does not word itself come out in French (zod's own locale).
z.config(z.locales.fr());

export interface CoreOptions {
  /** Folder of the SQLite file and the attachments. */
  dataDir: string;
  /** The `drizzle/` folder: beside the sources in development, in the app's resources when packaged. */
  migrationsFolder: string;
  /**
   * Load the demo centre into an empty database (`--demo`: tests, screenshots). Without it, an
   * empty centre shows the first-start choice (services/setup/).
   */
  demo?: boolean;
  version?: string;
  clock?: Clock;
  secrets?: SecretStore;
  notifier?: Notifier;
  /** Absent in the browser host and the tests: attachments are then downloaded, never opened. */
  opener?: FileOpener;
  /**
   * The journal; `<dataDir>/logs/unified.log` by default (Electron's mail process gives its own
   * `mail.log`). The core closes it when it closes.
   */
  log?: AppLogger;
}

/** One client of the core: a window (IPC) or a browser tab (WebSocket), with its own sign-in. */
export interface Connection {
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: EventListener): () => void;
  close(): void;
}

export interface Core {
  readonly db: Database;
  readonly dataDir: string;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly secrets: SecretStore;
  readonly notifier: Notifier;
  readonly opener: FileOpener | null;
  /** The journal a support person reads (electron/core/logging/). */
  readonly log: AppLogger;
  connect(): Connection;
  close(): void;
}

export const databaseFile = (dataDir: string) => path.join(dataDir, 'unified.sqlite');

export function createCore(options: CoreOptions): Core {
  ensurePrivateDataDir(options.dataDir);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createFileLogger({ dataDir: options.dataDir, clock });
  const db = openDatabase(databaseFile(options.dataDir), options.migrationsFolder);
  if (options.demo) seedDemoIfEmpty(db, clock);
  const events = new EventBus();
  const secrets = options.secrets ?? memorySecretStore();
  const notifier = options.notifier ?? silentNotifier;
  const opener = options.opener ?? null;
  const services = createServices({ db, clock, events, secrets, notifier, opener, dataDir: options.dataDir, log });
  const handlers = createHandlers(services, {
    version: options.version ?? '0.0.0',
    dataDir: options.dataDir,
  });
  const connections = new Set<() => void>();

  function connect(): Connection {
    const session = createConnectionSession({ agentNow: services.sessions.agentNow });
    const unsubscribers = new Set<() => void>();
    const close = () => {
      for (const off of unsubscribers) off();
      unsubscribers.clear();
      session.end();
      connections.delete(close);
    };
    connections.add(close);
    return {
      call: (name, input) => dispatch(handlers, name, input, session, log.error),
      onEvent: (listener) => {
        // The centre's news (cases, sync, outbox) is for signed-in agents only: an anonymous socket
        // would otherwise watch every case change. Read again per event, as calls are.
        const off = events.subscribe((name, payload) => {
          if (session.check().kind === 'active') listener(name, payload);
        });
        unsubscribers.add(off);
        return () => {
          off();
          unsubscribers.delete(off);
        };
      },
      close,
    };
  }

  return {
    db,
    dataDir: options.dataDir,
    events,
    clock,
    secrets,
    notifier,
    opener,
    log,
    connect,
    close: () => {
      for (const close of [...connections]) close();
      db.close();
      void log.close();
    },
  };
}
