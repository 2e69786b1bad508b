import { z } from 'zod';

/**
 * Every failure crosses a transport as data, never as a thrown string: Electron's IPC keeps only an
 * Error's message, and a WebSocket keeps nothing at all.
 */
export const errorCodes = [
  'validation', // the input broke a schema rule; `fields` says where
  'unauthenticated', // the call needs a signed-in agent
  'forbidden', // the agent's role or rights do not allow it
  'not_found',
  'conflict', // the case changed since the caller read it (optimistic concurrency)
  'refused', // a business rule refuses it (state machine, queue mode…)
  'rate_limited', // too many failed sign-ins: `retryAfterSeconds` says how long to wait
  'unknown_call',
  'unavailable', // the core is not reachable (transport closed)
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** In French: the product speaks French first; the renderer may translate by code. */
  message: z.string(),
  /** Field path (dots, e.g. `contact.birthDate`) → message, for forms. */
  fields: z.record(z.string(), z.string()).optional(),
  /** `rate_limited`: seconds before the core will judge another attempt. */
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

/** What every transport answers when our own code failed: the cause goes to the log, not the caller. */
export const internalError: AppError = {
  code: 'internal',
  message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.',
};

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (error: AppError): Envelope<never> => ({ ok: false, error });

/** Thrown by core services; the dispatcher turns it into an envelope. */
export class AppFailure extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'AppFailure';
  }
}

/** Thrown by the typed client so that a store can read `code` and `fields`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields;
    this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

/** Zod issues → `fields`, one message per field (the first one, as a form shows one). */
export function fieldsFromIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  return {
    code: 'validation',
    message: 'Certains champs ne sont pas valides.',
    fields: fieldsFromIssues(issues),
  };
}
