import { describe, expect, it } from 'vitest';
import { attemptsExhausted, defaultRetryPolicy, retryDelayMs } from '../../../../electron/core/mail/outbox/retry-policy';

describe('retry policy', () => {
  const at = (random: number) => ({ ...defaultRetryPolicy, random: () => random });

  it('doubles the delay each attempt, up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((attempts) => retryDelayMs(at(1), attempts));
    expect(ceilings).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000]);
  });

  it('jitters between half and all of the exponential delay', () => {
    expect(retryDelayMs(at(0), 3)).toBe(60_000);
    expect(retryDelayMs(at(0.5), 3)).toBe(90_000);
    expect(retryDelayMs(at(0.999), 3)).toBeLessThan(120_000);
  });

  it('stops after the last attempt', () => {
    expect(attemptsExhausted(defaultRetryPolicy, 9)).toBe(false);
    expect(attemptsExhausted(defaultRetryPolicy, 10)).toBe(true);
  });
});
