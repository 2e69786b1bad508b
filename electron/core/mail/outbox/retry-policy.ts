/**
 * When to try a reply again. Exponential backoff so that a server down for hours is not hammered;
 * jitter so that replies queued together do not all come back at the same second; a cap on the
 * number of attempts so that a reply that cannot leave comes back to its agent (PRODUCT.md "Replying").
 */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Claims of one row, first try included; past it, the reply fails. */
  maxAttempts: number;
  /** Injectable for tests; in [0, 1). */
  random: () => number;
}

/** 30 s, 1, 2, 4, 8, 16, 30, 30… minutes (each halved at random): about two hours in all. */
export const defaultRetryPolicy: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 10,
  random: Math.random,
};

/** "Equal jitter": half the exponential delay for sure, the other half at random. */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}

export const attemptsExhausted = (policy: RetryPolicy, attempts: number): boolean => attempts >= policy.maxAttempts;
