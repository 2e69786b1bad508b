import { AppFailure } from '../../../shared/contract';
import type { Clock } from '../ports';

/** How many failures are free, then how the wait grows (doubling from `firstDelayMs`, capped). */
export interface ThrottlePolicy {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * Per account: five typos cost nothing, then 1 s, 2 s, 4 s… up to 15 min, so that guessing one
 * password gets nowhere. Per address: looser, as several agents may share one (every tab of the
 * browser host on this machine, an office behind one router), but it stops one client from trying
 * five passwords on every account in turn.
 */
export const throttlePolicies = {
  account: { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 },
  address: { freeFailures: 20, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottlePolicy>;

/** An hour without a failure and the slate is clean: a week-old typo must not slow anyone down. */
const forgetAfterMs = 60 * 60_000;
/** Guessed logins are keys too: past this many, the oldest entries go first. */
const maxEntries = 10_000;

interface Failures {
  count: number;
  lastAt: number;
  blockedUntil: number;
}

/** Who is trying: the login typed (known or not, alike) and the client's address. */
export interface Attempt {
  login: string;
  address: string;
}

export function retryMessage(seconds: number): string {
  if (seconds < 120) return `Trop de tentatives : réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`;
  return `Trop de tentatives : réessayez dans ${Math.ceil(seconds / 60)} minutes.`;
}

/**
 * Sign-in throttling, in memory (a restart forgets it, which an attacker cannot cause from a
 * sign-in screen). A failure is counted before the password is checked: attempts sent in parallel
 * cannot all slip in while the first ones are still being hashed. Refused attempts do not extend
 * the wait: the agent who retries too early is told again, not punished.
 */
export function createSignInThrottle(clock: Clock) {
  const entries = new Map<string, Failures>();
  const keysOf = (attempt: Attempt) =>
    [
      [`login:${attempt.login}`, throttlePolicies.account],
      [`address:${attempt.address}`, throttlePolicies.address],
    ] as const;

  /** Refuses with `rate_limited` while the account or the address must wait. */
  function assertMayTry(attempt: Attempt): void {
    const now = clock.now().getTime();
    const waitMs = Math.max(...keysOf(attempt).map(([key]) => (entries.get(key)?.blockedUntil ?? 0) - now));
    if (waitMs <= 0) return;
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new AppFailure({ code: 'rate_limited', message: retryMessage(retryAfterSeconds), retryAfterSeconds });
  }

  /** Counted as a failure until `succeeded` says otherwise. */
  function begin(attempt: Attempt): void {
    const now = clock.now().getTime();
    for (const [key, policy] of keysOf(attempt)) {
      const known = entries.get(key);
      const count = known && now - known.lastAt < forgetAfterMs ? known.count + 1 : 1;
      entries.delete(key);
      entries.set(key, { count, lastAt: now, blockedUntil: now + delayAfter(count, policy) });
    }
    prune(now);
  }

  function succeeded(attempt: Attempt): void {
    for (const [key] of keysOf(attempt)) entries.delete(key);
  }

  /** Map order is insertion order (`begin` re-inserts): the first entries are the stalest. */
  function prune(now: number): void {
    for (const [key, failures] of entries) {
      if (entries.size <= maxEntries && now - failures.lastAt < forgetAfterMs) break;
      entries.delete(key);
    }
  }

  return { assertMayTry, begin, succeeded };
}

function delayAfter(count: number, policy: ThrottlePolicy): number {
  if (count < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (count - policy.freeFailures));
}
