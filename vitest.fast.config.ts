import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { aloneTests, commonTest } from './vitest.config';

/**
 * `npm run test:fast`: every test that needs no real server and no browser, for the edit-test loop.
 * A test needs them exactly when it reaches `test/rig/` (the only way to start Dovecot, the SMTP
 * server or Chromium) through its imports, so the list is derived rather than kept by hand: a new
 * rig suite is left out without anyone remembering to. The end-to-end folder is left out whole.
 */
const rigFolder = path.resolve('test/rig') + path.sep;
const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function reachesRig(file: string, seen = new Set<string>()): boolean {
  if (file.startsWith(rigFolder)) return true;
  if (seen.has(file)) return false;
  seen.add(file);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  for (const [, specifier = ''] of source.matchAll(importPattern)) {
    const target = resolveLocal(path.resolve(path.dirname(file), specifier));
    if (target && reachesRig(target, seen)) return true;
  }
  return false;
}

function resolveLocal(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

// End-to-end suites start the whole app, and `npm start`'s own test builds it when stale. The
// contract fuzz's 30 000 calls take most of a minute on their own: `npm test` runs them.
const endToEnd = 'test/e2e/**';
const contractFuzz = 'test/fuzz/contract-fuzz.test.ts';
const rigTests = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .map((file) => path.join('test', file).split(path.sep).join('/'))
  .filter((file) => file.endsWith('.test.ts') && reachesRig(path.resolve(file)));

export default defineConfig({
  plugins: [vue()],
  test: {
    ...commonTest,
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, aloneTests, endToEnd, contractFuzz, ...rigTests],
    maxWorkers: 2,
  },
});
