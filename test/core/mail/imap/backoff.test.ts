import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../../../electron/core/mail/imap/backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 1_000, capMs: 60_000 };

  it('doubles from the base up to the cap, between half and all of each ceiling', () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000];
    ceilings.forEach((ceiling, attempt) => {
      expect(backoffDelay(attempt, policy, () => 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, policy, () => 1)).toBe(ceiling);
    });
  });

  it('never decreases from one attempt to the next below the cap, whatever the jitter', () => {
    // 1 s … 32 s: each next delay is at least half of a ceiling twice as high.
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(backoffDelay(attempt + 1, policy, () => 0)).toBeGreaterThanOrEqual(backoffDelay(attempt, policy, () => 1));
    }
  });

  it('stays finite for a mailbox that has failed for days', () => {
    expect(backoffDelay(100_000, defaultBackoff, () => 0.5)).toBe(45_000);
  });
});
