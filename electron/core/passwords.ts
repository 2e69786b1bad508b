import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^14 with r = 8 takes about 50 ms and 16 MiB, OWASP's floor for scrypt. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const defaultScryptParams: ScryptParams = { N: 16384, r: 8, p: 1 };

const keyLength = 64;
const saltLength = 16;
/** Refuse absurd costs read from a stored string (a tampered row must not exhaust memory). */
const maxMemory = 2 ** 28;

/**
 * `scrypt$N$r$p$salt$hash` (salt and hash in base64): the parameters travel with each hash, so the
 * cost can be raised later without invalidating the hashes already stored.
 */
export function hashPassword(password: string, params: ScryptParams = defaultScryptParams): string {
  const salt = randomBytes(saltLength);
  const hash = derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * Asynchronous: the ~50 ms of scrypt run on libuv's thread pool, so that a sign-in (or a stream of
 * guesses) never stalls the calls of the agents already at work.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const hash = await new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), parsed.salt, parsed.hash.length, options(parsed.params), (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
  return timingSafeEqual(hash, parsed.hash);
}

function derive(password: string, salt: Buffer, params: ScryptParams, length = keyLength): Buffer {
  return scryptSync(password.normalize('NFC'), salt, length, options(params));
}

/** Node's default maxmem (32 MiB) is too small above N = 2^14; scrypt needs 128 · N · r bytes. */
const options = ({ N, r, p }: ScryptParams): ScryptOptions => ({ N, r, p, maxmem: 256 * N * r });

function parse(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  const validCost = isPowerOfTwo(N) && isSmallPositive(r) && isSmallPositive(p) && 128 * N * r <= maxMemory;
  if (!validCost || salt.length === 0 || hash.length < 16) return null;
  return { params: { N, r, p }, salt, hash };
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
const isSmallPositive = (n: number) => Number.isInteger(n) && n >= 1 && n <= 16;
