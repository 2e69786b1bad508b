import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * The real binary when it is there: the `/usr/bin/chromium` wrapper works too but prints a
 * harmless "unexpected operator" line on every launch.
 */
export function chromiumExecutablePath(): string {
  return existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';
}

/** Flags for a quiet, offline, container-friendly Chromium (playwright adds --headless itself). */
export const CHROMIUM_ARGS: readonly string[] = [
  // Containers run as root without user namespaces, where the sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // No calls home: the tests run offline and must not wait on the network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // /dev/shm is tiny in containers; Chromium crashes tabs when it fills up.
  '--disable-dev-shm-usage',
];

/** Launches the system Chromium (`npx playwright install` cannot work offline). Close it when done. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? chromiumExecutablePath();
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: run \`bash scripts/ensure-system-deps.sh\``);
  }
  return chromium.launch({
    headless: true,
    ...options,
    executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
