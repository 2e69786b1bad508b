import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { startMailRuntime, type MailRuntime } from '../core/mail/mail-runtime';
import { startBackupScheduler } from '../core/services/backup/backup-scheduler';
import { startBrowserHost } from './browser-host';
import { defaultDataDir } from './data-dir';
import { hostSecretStore } from './key-file-secret-store';

/** Entry of `npm run host` (bundled to dist/host/main.mjs): the core and the browser host. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.UNIFIED_PORT ?? '0' },
      bind: { type: 'string', default: '127.0.0.1' },
      reason: { type: 'string' },
      // Tests and screenshots: the demo centre in an empty data folder, without the first-start choice.
      demo: { type: 'boolean', default: false },
    },
  });
  const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const { version } = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string };
  const dataDir = defaultDataDir();
  const core = createCore({ dataDir, migrationsFolder: path.join(appRoot, 'drizzle'), demo: values.demo, version, secrets: hostSecretStore(dataDir) });
  const host = await startBrowserHost({
    core,
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    bind: values.bind,
    port: Number(values.port),
  });
  if (values.reason === 'no-electron') {
    console.log("Electron n'est pas disponible sur cette machine : l'application s'ouvre dans votre navigateur.");
    console.log('Electron is not available on this machine: the app runs in your browser instead.');
  }
  console.log(`Données / Data: ${dataDir}`);
  console.log(`Ouvrez / Open: ${host.url}`);
  let mail: MailRuntime | null = null;
  let stopping: Promise<void> | null = null;
  const backups = startBackupScheduler(core, { version });
  const shutDown = async () => {
    // The last resort, should anything still hang: an abrupt end loses nothing (SQLite's WAL,
    // the outbox's leases), a process that ignores SIGTERM gets killed harder later.
    setTimeout(() => process.exit(1), hardStopMs).unref();
    backups.stop();
    await host.close();
    await mail?.stop();
    core.close();
    process.exit(0);
  };
  // Listening before the mail runtime starts: a signal during its start must stop it too.
  const stop = () => void (stopping ??= shutDown());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // After the URL: a slow or unreachable mail server must not delay opening the app.
  mail = await startMailRuntime(core);
}

/** Service managers wait a few seconds after SIGTERM before SIGKILL (Docker: 10 s): end well before. */
const hardStopMs = 4_500;

main().catch((error: unknown) => {
  console.error('Le service n’a pas pu démarrer / The host could not start:', error);
  process.exit(1);
});
