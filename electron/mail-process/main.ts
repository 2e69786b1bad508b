import { parseArgs } from 'node:util';
import { parentLink } from './parent-link';
import { runMailProcess } from './run-mail-process';

/**
 * Entry of the mail process (bundled to dist/electron/mail-process.cjs). Electron's main starts it with
 * `utilityProcess.fork` (electron/shell/mail-utility-process.ts); the tests with `child_process.fork`.
 * It never imports `electron`: it is plain Node with a message link to main.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    migrations: { type: 'string' },
  },
});
const dataDir = values['data-dir'];
const migrationsFolder = values.migrations;

if (!dataDir || !migrationsFolder) {
  console.error('[mail] usage: mail-process --data-dir <folder> --migrations <folder>');
  process.exit(2);
}

runMailProcess(parentLink(), { dataDir, migrationsFolder }).then(
  // IMAP sockets and timers being closed, exiting at once is safe: the database is closed.
  () => process.exit(0),
  (error: unknown) => {
    console.error('[mail] the mail process stopped on an error', error);
    process.exit(1);
  },
);
