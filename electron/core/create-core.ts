import path from 'node:path';
import { z } from 'zod';
import { openDatabase, type Database } from './db/database';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { EventBus } from './event-bus';
import { ensurePrivateDataDir } from './storage/private-data-dir';
import { systemClock, silentNotifier, memorySecretStore, type Clock, type FileOpener, type Notifier, type SecretStore } from './ports';
import { createFileLogger, type AppLogger } from './logging/logger';
import { createConnections, type Connection, type ConnectOptions } from './rpc/connections';
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

export type { Connection, ConnectOptions };

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
  connect(options?: ConnectOptions): Connection;
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
  const connections = createConnections({ handlers, events, clock, log: log.error, sessions: services.sessions });

  return {
    db,
    dataDir: options.dataDir,
    events,
    clock,
    secrets,
    notifier,
    opener,
    log,
    connect: connections.connect,
    close: () => {
      connections.closeAll();
      db.close();
      void log.close();
    },
  };
}
