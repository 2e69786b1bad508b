import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openDatabase, type Database } from './db/database';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { EventBus } from './event-bus';
import { systemClock, silentNotifier, memorySecretStore, type Clock, type FileOpener, type Notifier, type SecretStore } from './ports';
import { createConnections, type Connection, type ConnectOptions } from './rpc/connections';
import type { Logger } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import { createServices } from './services';

// Schema messages that the product does not word itself come out in French (zod's own locale).
z.config(z.locales.fr());

export interface CoreOptions {
  /** Folder of the SQLite file and the attachments. */
  dataDir: string;
  /** The `drizzle/` folder: beside the sources in development, in the app's resources when packaged. */
  migrationsFolder: string;
  /** Load the demo centre into an empty database. */
  demo?: boolean;
  version?: string;
  clock?: Clock;
  secrets?: SecretStore;
  notifier?: Notifier;
  /** Absent in the browser host and the tests: attachments are then downloaded, never opened. */
  opener?: FileOpener;
  log?: Logger;
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
  connect(options?: ConnectOptions): Connection;
  close(): void;
}

export const databaseFile = (dataDir: string) => path.join(dataDir, 'unified.sqlite');

export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const log: Logger = options.log ?? ((message, error) => console.error(`[core] ${message}`, error));
  const db = openDatabase(databaseFile(options.dataDir), options.migrationsFolder);
  const demo = options.demo ? seedDemoIfEmpty(db, clock) || isDemoDatabase(db) : isDemoDatabase(db);
  const events = new EventBus();
  const secrets = options.secrets ?? memorySecretStore();
  const notifier = options.notifier ?? silentNotifier;
  const opener = options.opener ?? null;
  const services = createServices({ db, clock, events, secrets, notifier, opener, dataDir: options.dataDir });
  const handlers = createHandlers(services, {
    version: options.version ?? '0.0.0',
    demo,
    dataDir: options.dataDir,
  });
  const connections = createConnections({ handlers, events, clock, log, sessions: services.sessions });

  return {
    db,
    dataDir: options.dataDir,
    events,
    clock,
    secrets,
    notifier,
    opener,
    connect: connections.connect,
    close: () => {
      connections.closeAll();
      db.close();
    },
  };
}

function isDemoDatabase(db: Database): boolean {
  const row = db.sqlite.prepare(`SELECT value FROM settings WHERE key = 'demo'`).get() as { value: string } | undefined;
  return row?.value === 'true';
}
