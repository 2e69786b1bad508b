import { createCore } from '../core/create-core';
import { mailLogName } from '../core/logging/log-file';
import { createFileLogger } from '../core/logging/logger';
import { systemClock } from '../core/ports';
import { startMailRuntime } from '../core/mail/mail-runtime';
import { mirrorEvents } from './event-mirror';
import type { MailLink } from './parent-link';
import { parseToMail } from './protocol';
import { remoteSecretStore } from './remote-secret-store';

export interface MailProcessOptions {
  /** The data folder main uses: the same SQLite file (WAL lets both connections work at once). */
  dataDir: string;
  migrationsFolder: string;
}

/**
 * The mail process: its own connection to the database, mail sync and the outbox, and a link to
 * main for what only main has (safeStorage, notifications, the windows' bus). Resolves once main
 * said stop (or went away), the send in progress is recorded and the database is closed.
 */
export async function runMailProcess(link: MailLink, options: MailProcessOptions): Promise<void> {
  const secrets = remoteSecretStore((message) => link.send(message));
  // Main opened the database and migrated it before forking this process: migrating here finds
  // nothing to do, and the demo centre is main's business.
  const core = createCore({
    dataDir: options.dataDir,
    migrationsFolder: options.migrationsFolder,
    demo: false,
    secrets: secrets.store,
    notifier: { notify: (title, body) => link.send({ type: 'notify', title, body }) },
    // Its own file: main writes unified.log, and two processes never rotate one file.
    log: createFileLogger({ dataDir: options.dataDir, clock: systemClock, fileName: mailLogName, scope: 'mail' }),
  });
  const log = core.log.error;
  const mirror = mirrorEvents(core.events, (message) => link.send(message));
  let stopRequested!: () => void;
  const stopping = new Promise<void>((resolve) => (stopRequested = resolve));

  link.onMessage((raw) => {
    const message = parseToMail(raw);
    if (!message) return log('message ignored', raw);
    switch (message.type) {
      case 'event':
        return mirror.receive(message);
      case 'secret.reply':
        return secrets.settle(message);
      case 'stop':
        return stopRequested();
    }
  });
  link.onDisconnect(() => {
    secrets.abandon();
    stopRequested();
  });

  try {
    const runtime = await startMailRuntime(core);
    link.send({ type: 'ready' });
    await stopping;
    await runtime.stop();
  } finally {
    mirror.close();
    core.close();
  }
}
