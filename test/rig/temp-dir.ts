import { mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh private directory under the OS temp dir for one rig instance. */
export function makeTempDir(prefix = 'ud-rig-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a rig directory and everything in it; a missing directory is not an error. */
export async function removeTempDir(dir: string): Promise<void> {
  // Retries cover a server child that is still closing files while we delete.
  await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
}

/** Synchronous variant for `process.on('exit')`, where nothing asynchronous runs any more. */
export function removeTempDirSync(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Best effort at exit: a leftover temp dir is harmless, a throw here would hide the real error.
  }
}
