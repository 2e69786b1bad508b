export interface BackoffPolicy {
  /** First retry after about this long. */
  baseMs: number;
  /** Never wait longer than this between two attempts. */
  capMs: number;
}

/** What the product uses against real servers: 1 s, 2 s, 4 s… up to a minute. */
export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/**
 * Capped exponential backoff with "equal jitter" (Marc Brooker, "Exponential Backoff And Jitter",
 * AWS Architecture Blog): half of the ceiling is fixed, half random. Centres restarting after a
 * server outage do not reconnect in lockstep, and unlike full jitter a delay never comes out near
 * zero, so a refused password is not retried in a tight loop.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
