import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

/** Where the journal lives: `<dataDir>/logs/`, beside the database, in every installation. */
export const logsFolder = (dataDir: string) => path.join(dataDir, 'logs');

/** The file of the process that shows the windows (Electron main, or the browser host). */
export const mainLogName = 'unified.log';
/** The file of Electron's mail process: two processes never rotate one file under each other. */
export const mailLogName = 'mail.log';

export interface LogRotation {
  /** rotating-file-stream's size syntax: `5M`, or `2K` in tests. */
  size: string;
  /** Rotated files kept (`unified.log.1` is the newest); older ones are removed. */
  keep: number;
}

export const defaultRotation: LogRotation = { size: '5M', keep: 5 };

export interface LogSink {
  write(line: string): void;
  /** Resolves once every line written so far is on disk. */
  close(): Promise<void>;
}

/**
 * A journal file rotated by size, the classic logrotate way (`unified.log`, `.1` … `.5`). Opened at
 * the first line only: most cores (tests, the restore command) never write one, and an idle core
 * holds no file open. A failure of the file (disk full, folder removed) is told on the console and
 * the next line tries a fresh stream: the journal must never stop the product.
 */
export function rotatingLogFile(folder: string, name: string, rotation: LogRotation = defaultRotation): LogSink {
  let stream: RotatingFileStream | null = null;
  // After close (the core closed, its folder may be gone): a late line goes to the console rather
  // than reopening the file, which would make the folder again.
  let closed = false;

  function open(): RotatingFileStream {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const opened = createStream(name, { path: folder, size: rotation.size, rotate: rotation.keep, mode: 0o600 });
    opened.on('error', (error: unknown) => {
      console.error(`[journal] ${path.join(folder, name)} n’a pas pu être écrit`, error);
      if (stream === opened) stream = null;
    });
    opened.on('warning', (error: unknown) => console.error(`[journal] ${name}`, error));
    return opened;
  }

  return {
    write(line) {
      if (closed) return console.error(line);
      try {
        stream ??= open();
        stream.write(`${line}\n`);
      } catch (error) {
        console.error(`[journal] ${name}`, error);
      }
    },
    async close() {
      closed = true;
      const closing = stream;
      stream = null;
      if (!closing) return;
      closing.end();
      // A stream that failed ends too: its failure was told when it happened.
      await finished(closing).catch(() => undefined);
    },
  };
}
