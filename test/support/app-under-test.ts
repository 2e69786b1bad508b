import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';

export const repoRoot = path.resolve(__dirname, '..', '..');
// A developer running several e2e suites side by side builds each renderer into its own folder.
export const rendererDir = process.env.UD_RENDERER_DIR ?? path.join(repoRoot, 'dist', 'renderer');
export const migrationsFolder = path.join(repoRoot, 'drizzle');

export interface AppUnderTest {
  core: Core;
  host: BrowserHost;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real core on a temp data folder, served by the real browser host with the built renderer.
 * The demo centre is loaded as `--demo` loads it, unless `{ demo: false }`: then the app shows the
 * first-start choice, as on a fresh machine.
 */
export async function startApp(options: Partial<CoreOptions> = {}): Promise<AppUnderTest> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: `npm test` builds it first (or run `npm run build`).');
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-app-'));
  const core = createCore({ dataDir, migrationsFolder, demo: true, ...options });
  const host = await startBrowserHost({ core, rendererDir });
  return {
    core,
    host,
    dataDir,
    stop: async () => {
      await host.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
