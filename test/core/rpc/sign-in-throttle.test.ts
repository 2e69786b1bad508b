import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError, Envelope } from '../../../shared/contract';
import type { Core } from '../../../electron/core/create-core';
import { startDemoCore as startCaseCore, steppingClock } from '../services/cases/case-fixture';

/**
 * Issue 11, point 4: guessing passwords is slowed down per account and per client address, with a
 * growing delay and a French message, and checking a password never blocks the core's event loop.
 */
let core: Core;
let clock: ReturnType<typeof steppingClock>;
let dispose: () => void;

beforeEach(() => {
  const t = startCaseCore();
  ({ core, clock } = t);
  dispose = () => t.dispose();
});
afterEach(() => dispose());

/** One sign-in attempt from a new window at this address. */
async function attempt(login: string, password: string, address = '192.0.2.10'): Promise<Envelope<unknown>> {
  return core.connect({ address }).call('session.signIn', { login, password });
}

const refusal = (result: Envelope<unknown>): AppError => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

async function failTimes(n: number, login: string, address?: string): Promise<void> {
  for (let i = 0; i < n; i++) expect(refusal(await attempt(login, 'faux', address)).code).toBe('validation');
}

describe('sign-in throttling per account', () => {
  it('after 5 wrong passwords, refuses even the right one until the delay passes, in French', async () => {
    await failTimes(5, 'camille.martin');
    const limited = refusal(await attempt('camille.martin', 'demo'));
    expect(limited).toEqual({
      code: 'rate_limited',
      message: 'Trop de tentatives : réessayez dans 1 seconde.',
      retryAfterSeconds: 1,
    });
    clock.advance(1000);
    expect(await attempt('camille.martin', 'demo')).toMatchObject({ ok: true });
  });

  it('doubles the delay at each further failure, up to a quarter of an hour', async () => {
    await failTimes(5, 'camille.martin');
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const wait = refusal(await attempt('camille.martin', 'faux')).retryAfterSeconds ?? 0;
      waits.push(wait);
      clock.advance(wait * 1000);
      expect(refusal(await attempt('camille.martin', 'faux')).code).toBe('validation');
    }
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(900);
    expect(refusal(await attempt('camille.martin', 'demo')).message).toBe('Trop de tentatives : réessayez dans 15 minutes.');
  });

  it('counts attempts still being checked: a burst in parallel gets no more than the free tries', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => attempt('lucas.bernard', 'faux')));
    const codes = burst.map((result) => refusal(result).code);
    expect(codes.filter((code) => code === 'validation')).toHaveLength(5);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(7);
  });

  it('leaves other accounts alone', async () => {
    await failTimes(5, 'camille.martin');
    expect(refusal(await attempt('camille.martin', 'demo')).code).toBe('rate_limited');
    expect(await attempt('lucas.bernard', 'demo')).toMatchObject({ ok: true });
  });

  it('forgets the failures once the account signs in', async () => {
    await failTimes(4, 'camille.martin');
    expect(await attempt('camille.martin', 'demo')).toMatchObject({ ok: true });
    await failTimes(4, 'camille.martin');
    expect(await attempt('camille.martin', 'demo')).toMatchObject({ ok: true });
  });

  it('throttles a login that does not exist exactly as one that does', async () => {
    await failTimes(5, 'personne');
    expect(refusal(await attempt('personne', 'faux'))).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 1 });
  });
});

describe('sign-in throttling per address', () => {
  it('after 20 failures from one address, whatever the logins, slows that address down, not the others', async () => {
    for (let i = 0; i < 20; i++) expect(refusal(await attempt(`essai${i}`, 'faux')).code).toBe('validation');
    expect(refusal(await attempt('lucas.bernard', 'demo'))).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 1 });
    expect(await attempt('lucas.bernard', 'demo', '192.0.2.99')).toMatchObject({ ok: true });
    clock.advance(1000);
    expect(await attempt('lucas.bernard', 'demo')).toMatchObject({ ok: true });
  });

  it('takes the address the transport gives, and "local" when none is given', async () => {
    for (let i = 0; i < 20; i++) await core.connect().call('session.signIn', { login: `essai${i}`, password: 'faux' });
    expect(refusal(await core.connect().call('session.signIn', { login: 'lucas.bernard', password: 'demo' })).code).toBe('rate_limited');
    expect(refusal(await core.connect({ address: 'local' }).call('session.signIn', { login: 'sophie.durand', password: 'demo' })).code).toBe(
      'rate_limited',
    );
    expect(await attempt('sophie.durand', 'demo')).toMatchObject({ ok: true });
  });
});

describe('the password check', () => {
  it('runs off the event loop: a callback queued before the attempt runs before its answer', async () => {
    let ran = false;
    setImmediate(() => void (ran = true));
    const answer = attempt('camille.martin', 'demo');
    expect(ran).toBe(false);
    await answer;
    expect(ran).toBe(true);
  });
});
