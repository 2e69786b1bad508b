/**
 * Bundled by outbox-crash.test.ts and run as a child process: the outbox worker of a core on the
 * test's data folder, as the app runs it, so that the test can kill it (SIGKILL) mid-send.
 */
import { createCore } from '../../../../electron/core/create-core';
import { createOutboxWorker } from '../../../../electron/core/mail/outbox/outbox-worker';
import { memorySecretStore, silentNotifier, systemClock } from '../../../../electron/core/ports';

export interface DriverConfig {
  dataDir: string;
  migrationsFolder: string;
  secretKey: string;
  password: string;
  ca: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.UD_OUTBOX_DRIVER ?? '{}') as DriverConfig;
  const secrets = memorySecretStore();
  await secrets.set(config.secretKey, config.password);
  const core = createCore({ dataDir: config.dataDir, migrationsFolder: config.migrationsFolder, secrets });
  const worker = createOutboxWorker({
    db: core.db,
    clock: systemClock,
    events: core.events,
    secrets,
    notifier: silentNotifier,
    dataDir: config.dataDir,
    tls: { ca: config.ca },
    // Long enough for the test to see the row claimed and kill us while we wait.
    timeouts: { connectMs: 120_000, greetingMs: 120_000, socketMs: 120_000 },
  });
  await worker.runOnce();
  core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
