import type { Clock } from '../../ports';

const day = 86_400_000;

/**
 * At most `limit()` per address in any 24 hours, counting with the notices recorded elsewhere
 * (`recorded`: the acknowledgements and waiting messages of the outbox). Over-size notices belong
 * to no case, so no outbox row counts them: their own count lives in memory, and a restart of the
 * app forgets it (at worst another day's worth to one person; loops are stopped elsewhere, by the
 * null sender and by never answering a machine).
 */
export function createDailyLimiter(limit: () => number, clock: Clock) {
  const sent = new Map<string, number[]>();
  return {
    /** Counts one for `key` and says yes, or says no and counts nothing. */
    take(key: string, recorded = 0): boolean {
      const now = clock.now().getTime();
      const recent = (sent.get(key) ?? []).filter((at) => at > now - day);
      if (recent.length + recorded >= limit()) {
        sent.set(key, recent);
        return false;
      }
      sent.set(key, [...recent, now]);
      return true;
    },
  };
}
