// Bundles the Node-side entries with esbuild. Our own code is bundled; npm packages stay external
// (better-sqlite3 is native and must be loaded from node_modules), except in the sandboxed preload,
// which may require nothing but `electron` and so carries everything it needs.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/host/main.ts'], outfile: 'dist/host/main.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/shell/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], minify: true }),
]);
