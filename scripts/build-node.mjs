// Bundles the Node-side entries with esbuild. Our own code is bundled; npm packages stay external
// (better-sqlite3 is native and must be loaded from node_modules), except in the sandboxed preload,
// which may require nothing but `electron` and so carries everything it needs.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

/** Every bundle, exported so that a test can build one of them exactly as the app gets it. */
export const nodeBundles = [
  { ...common, entryPoints: ['electron/host/main.ts'], outfile: 'dist/host/main.mjs', format: 'esm', packages: 'external' },
  { ...common, entryPoints: ['electron/shell/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', packages: 'external' },
  { ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], minify: true },
  // Mail sync and the outbox, in an Electron utility process (electron/mail-process/).
  { ...common, entryPoints: ['electron/mail-process/main.ts'], outfile: 'dist/electron/mail-process.cjs', format: 'cjs', packages: 'external' },
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await Promise.all(nodeBundles.map((options) => build(options)));
}
