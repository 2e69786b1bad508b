import { configDefaults, defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

/**
 * `*.alone.test.ts` measure frame times in Chromium (the desk's 100 ms budget): beside another
 * Chromium or Dovecot suite on a 2-core machine they would measure the neighbour. `npm test` runs
 * them afterwards, one at a time, with `vitest.alone.config.ts`.
 */
export const aloneTests = 'test/**/*.alone.test.ts';

/** What both configs share. */
export const commonTest = {
  // Integration tests start real servers (Dovecot, SMTP, Chromium): forks keep each one's
  // children and temp dirs in its own process, and two at a time suits a 2-core machine.
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 60_000,
} as const;

export default defineConfig({
  plugins: [vue()],
  test: {
    ...commonTest,
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, aloneTests],
    maxWorkers: 2,
  },
});
