import { redactField, redactText } from './redact';

export const logLevels = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

export type LogFields = Readonly<Record<string, unknown>>;

export interface LogEvent {
  at: Date;
  level: LogLevel;
  /** Which part of the product speaks: `core`, `mail`, `outbox`, `backup`… */
  scope: string;
  message: string;
  fields?: LogFields | undefined;
  error?: unknown;
}

/** A line never grows past this: a support person reads lines, not dumps. */
const maxLineLength = 4000;
const maxStackFrames = 6;

/**
 * One event, one line: `2025-03-14T10:00:00.000Z WARN  [mail] message · key=value · Error: …`.
 * The ISO instant first, so that lines of several files sort by time as text; every part goes
 * through the redaction step; line breaks inside become ` ⏎ ` so that an event never spans lines.
 */
export function formatLogLine(event: LogEvent): string {
  const parts = [`${event.at.toISOString()} ${event.level.toUpperCase().padEnd(5)} [${event.scope}] ${redactText(event.message)}`];
  const fields = formatFields(event.fields);
  if (fields) parts.push(fields);
  if (event.error !== undefined) parts.push(describeError(event.error));
  const line = oneLine(parts.join(' · '));
  return line.length > maxLineLength ? `${line.slice(0, maxLineLength - 1)}…` : line;
}

function formatFields(fields: LogFields | undefined): string {
  if (!fields) return '';
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${formatValue(redactField(key, value))}`)
    .join(' ');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=·]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * An error as its name, code and message, its server response if any, the first frames of its
 * stack and its cause: never its other properties, where libraries keep their whole configuration
 * (nodemailer's `auth`, imapflow's options) and sometimes the message being sent.
 */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return `error=${formatValue(redactField('error', error))}`;
  const detail = error as Error & { code?: unknown; responseCode?: unknown; response?: unknown; command?: unknown; cause?: unknown };
  const known = { code: detail.code, responseCode: detail.responseCode, command: detail.command, response: detail.response };
  const extras = Object.entries(known)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key}=${formatValue(redactText(String(value)))}`);
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1, 1 + maxStackFrames)
    .map((frame) => frame.trim())
    .filter((frame) => frame.startsWith('at '))
    .map(redactText);
  const cause = depth < 2 && detail.cause !== undefined ? ` ← cause: ${describeError(detail.cause, depth + 1)}` : '';
  const head = `${error.name}: ${redactText(error.message)}`;
  return [head, ...extras, ...(frames.length ? [`(${frames.join(' | ')})`] : [])].join(' ') + cause;
}

const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, ' ⏎ ');
