import type { utilityProcess } from './electron-api';
import type { MailChild } from '../mail-process/mail-supervisor';

export interface MailProcessPaths {
  /** dist/electron/mail-process.cjs (inside app.asar once packaged: utility processes read it). */
  mailProcess: string;
  dataDir: string;
  migrations: string;
}

/**
 * Starts the mail process as an Electron utility process. Why not in main, nor in a worker thread:
 * IMAP sync parses MIME and writes SQLite, and main must keep answering the window; a worker thread
 * would take the main process down with it on a native crash (better-sqlite3, a parser bug), whereas
 * a utility process is Chromium's supported way to run Node code apart: its own process and event
 * loop, its own crash, restarted by the supervisor, and a message port to main.
 */
export function forkMailUtilityProcess(paths: MailProcessPaths, fork: typeof utilityProcess.fork): MailChild {
  const child = fork(paths.mailProcess, ['--data-dir', paths.dataDir, '--migrations', paths.migrations], {
    // Its name in the task manager and in app.getAppMetrics().
    serviceName: 'Unified Desktop — messagerie',
    stdio: 'inherit',
  });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
