import type { Clock } from '../ports';
import { formatLogLine, type LogFields, type LogLevel } from './log-line';
import { logsFolder, mainLogName, rotatingLogFile, type LogRotation, type LogSink } from './log-file';

/**
 * The product's one journal. Methods are plain functions (no `this`), so that `log.error` can be
 * handed to a module that takes a `(message, error) => void` callback, as the mail modules do.
 */
export interface AppLogger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, error?: unknown, fields?: LogFields): void;
  error(message: string, error?: unknown, fields?: LogFields): void;
  /** The same journal, its lines tagged with another part of the product (`mail`, `backup`…). */
  scoped(scope: string): AppLogger;
  /** Resolves once the lines written so far are on disk. */
  close(): Promise<void>;
}

export interface LoggerOptions {
  sink: LogSink;
  clock: Clock;
  scope?: string;
  /** Errors also go to the console, as they did before the journal (development, the terminal of `npm start`). */
  echo?: boolean;
}

export function createLogger({ sink, clock, scope = 'core', echo = true }: LoggerOptions): AppLogger {
  const scopedLogger = (name: string): AppLogger => {
    const write = (level: LogLevel, message: string, error: unknown, fields: LogFields | undefined) => {
      const line = formatLogLine({ at: clock.now(), level, scope: name, message, fields, error });
      sink.write(line);
      if (echo && level === 'error') console.error(line);
    };
    return {
      info: (message, fields) => write('info', message, undefined, fields),
      warn: (message, error, fields) => write('warn', message, error, fields),
      error: (message, error, fields) => write('error', message, error, fields),
      scoped: scopedLogger,
      close: () => sink.close(),
    };
  };
  return scopedLogger(scope);
}

export interface FileLoggerOptions {
  dataDir: string;
  clock: Clock;
  /** `unified.log` by default; Electron's mail process writes `mail.log`. */
  fileName?: string;
  scope?: string;
  rotation?: LogRotation;
  echo?: boolean;
}

/** The journal of one process, in `<dataDir>/logs/`. */
export function createFileLogger(options: FileLoggerOptions): AppLogger {
  const sink = rotatingLogFile(logsFolder(options.dataDir), options.fileName ?? mainLogName, options.rotation);
  return createLogger({ sink, clock: options.clock, scope: options.scope ?? 'core', echo: options.echo ?? true });
}

/** A journal that keeps nothing: for tests and tools that build services without a data folder. */
export const discardingLogger = (clock: Clock): AppLogger =>
  createLogger({ sink: { write: () => undefined, close: async () => undefined }, clock, echo: false });
