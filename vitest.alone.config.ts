import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { aloneTests, commonTest } from './vitest.config';

/** The frame-time suites, each alone on the machine (see vitest.config.ts). */
export default defineConfig({
  plugins: [vue()],
  test: { ...commonTest, include: [aloneTests], maxWorkers: 1 },
});
