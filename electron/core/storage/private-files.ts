import { constants, chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';

/**
 * The data folder holds every customer's mail, so what the app writes there is for the user's
 * account only: folders 0700, files 0600. POSIX only: Windows has no mode bits (Node maps them to
 * the read-only flag), and the folder sits in the user's profile (`%APPDATA%`), whose default ACL
 * already admits only the user, SYSTEM and the administrators.
 */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

const hasModeBits = process.platform !== 'win32';

/** Narrows an existing file or folder to `mode` when an earlier version left it looser. */
export function tightenIfExists(target: string, mode: number): void {
  if (!hasModeBits) return;
  let current: number;
  try {
    current = statSync(target).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if ((current & ~mode) !== 0) chmodSync(target, mode);
}

/** Creates the folder (and its missing parents) for the user only, or tightens it if it exists. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  tightenIfExists(dir, privateDirMode);
}

/**
 * Creates an empty file for the user only if it is missing, or tightens it. SQLite gives its
 * `-wal` and `-shm` files the mode of the database, so creating the database this way covers them.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', privateFileMode));
  tightenIfExists(file, privateFileMode);
}

/** A copy under a new name, for the user only (a copy would otherwise take the source's mode). */
export async function copyPrivateFile(source: string, target: string): Promise<void> {
  await copyFile(source, target, constants.COPYFILE_EXCL);
  tightenIfExists(target, privateFileMode);
}
