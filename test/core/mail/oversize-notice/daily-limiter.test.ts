import { describe, expect, it } from 'vitest';
import { createDailyLimiter } from '../../../../electron/core/mail/oversize-notice/daily-limiter';
import { testClock } from '../outbox/outbox-world';

const hour = 3_600_000;

describe('createDailyLimiter', () => {
  it('allows the limit per address in any 24 hours, each address on its own', () => {
    const clock = testClock();
    const limiter = createDailyLimiter(() => 2, clock);
    expect(['a', 'a', 'a'].map((key) => limiter.take(key))).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);

    clock.advance(23 * hour);
    expect(limiter.take('a')).toBe(false);
    clock.advance(hour + 1);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
  });

  it('counts the notices recorded elsewhere (the outbox\'s) towards the same limit', () => {
    const limiter = createDailyLimiter(() => 3, testClock());
    expect(limiter.take('a', 2)).toBe(true);
    expect(limiter.take('a', 2)).toBe(false);
    expect(limiter.take('b', 3)).toBe(false);
  });

  it('reads the limit each time: an administrator’s change applies at once, 0 stops every notice', () => {
    let limit = 1;
    const limiter = createDailyLimiter(() => limit, testClock());
    expect(limiter.take('a')).toBe(true);
    limit = 0;
    expect(limiter.take('b')).toBe(false);
    limit = 2;
    expect(limiter.take('a')).toBe(true);
  });
});
