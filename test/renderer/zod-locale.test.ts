// @vitest-environment happy-dom
// As main.ts does: zod is made jitless before anything else.
import '../../renderer/src/zod-csp';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setLocale } from '../../renderer/src/i18n';

const countMessage = () => z.object({ count: z.number() }).safeParse({ count: 'beaucoup' }).error?.issues[0]?.message;

afterAll(() => {
  setLocale('fr');
  localStorage.clear();
});

describe('zod’s own messages in the renderer', () => {
  it('are French by default, English once the agent switches, and French again after, zod staying jitless', () => {
    expect(countMessage()).toMatch(/nombre attendu/);
    setLocale('en');
    expect(countMessage()).toMatch(/expected number/i);
    setLocale('fr');
    expect(countMessage()).toMatch(/nombre attendu/);
    // The CSP forbids eval: changing the messages must not undo `zod-csp.ts`.
    expect(z.config().jitless).toBe(true);
  });
});
