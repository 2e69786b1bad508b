import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/contract';
import type { SecretStore } from '../core/ports';
import { privateFileMode } from '../core/storage/private-files';

/**
 * Mailbox passwords for the browser host, which has no OS keychain (safeStorage is Electron's):
 * AES-256-GCM with a random key kept in an owner-only key file, ciphertext in a JSON file. It
 * protects the passwords from other accounts of the machine and from copies of the JSON file or
 * of the database; it cannot protect them from the account that runs the app, which is also true
 * of every keychain once unlocked. The shell's store keeps its own file (`secrets.json`): the two
 * seal differently, so a password saved in one must be typed again in the other.
 */

export interface KeyFileSecretStoreOptions {
  /** 32 random bytes, base64; created on first use with mode 0600. */
  keyFile: string;
  secretsFile: string;
}

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

interface SecretFile {
  version: 1;
  secrets: Record<string, Sealed>;
}

export const hostSecretStore = (dataDir: string): SecretStore =>
  createKeyFileSecretStore({ keyFile: path.join(dataDir, 'host-secret.key'), secretsFile: path.join(dataDir, 'host-secrets.json') });

const unusableKey = (detail: string) =>
  new AppFailure({ code: 'unavailable', message: `Les mots de passe ne peuvent pas être protégés : ${detail}` });

/** POSIX only: Windows has no mode bits (the profile folder's ACLs protect the file there). */
function assertPrivate(stats: Stats, file: string): void {
  if (!stats.isFile()) throw unusableKey(`${file} n’est pas un fichier.`);
  if (process.platform === 'win32') return;
  if ((stats.mode & 0o077) !== 0) {
    throw unusableKey(`le fichier de clé ${file} est lisible par d’autres comptes ; rendez-le privé (chmod 600) ou supprimez-le, puis saisissez à nouveau les mots de passe.`);
  }
  if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) {
    throw unusableKey(`le fichier de clé ${file} appartient à un autre compte.`);
  }
}

async function readKey(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    // Checked on the opened file itself, not on the name (no swap between check and read).
    assertPrivate(await handle.stat(), file);
    const key = Buffer.from((await handle.readFile('utf8')).trim(), 'base64');
    if (key.length !== 32) throw unusableKey(`le fichier de clé ${file} est abîmé.`);
    return key;
  } finally {
    await handle.close();
  }
}

/**
 * Written whole under a temp name (0600 from its creation), then linked to the final name: link
 * fails if the name exists, so of two processes starting at once exactly one key wins and both
 * use it. A rename would silently replace the other's key and lose what it sealed.
 */
async function createKey(file: string): Promise<Buffer> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', privateFileMode);
  try {
    await handle.writeFile(`${randomBytes(32).toString('base64')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return readKey(file);
}

async function loadKey(file: string): Promise<Buffer> {
  try {
    return await readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return createKey(file);
  }
}

// The name is authenticated with the ciphertext: a sealed value moved under another key fails.
const aad = (name: string) => Buffer.from(`unified-desktop/secret/${name}`, 'utf8');

function seal(key: Buffer, name: string, secret: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(name));
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function unseal(key: Buffer, name: string, sealed: Sealed): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(aad(name)).setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // Sealed with a key since lost, or altered: the administrator types the password again.
    return null;
  }
}

export function createKeyFileSecretStore(options: KeyFileSecretStoreOptions): SecretStore {
  let key: Promise<Buffer> | null = null;
  let cache: SecretFile | null = null;
  // Writes one after the other, so that two `set`s cannot lose each other's entry.
  let queue: Promise<unknown> = Promise.resolve();

  const theKey = () => {
    key ??= loadKey(options.keyFile);
    // A refused key file is asked again next time, once its owner has fixed it.
    key.catch(() => (key = null));
    return key;
  };

  async function load(): Promise<SecretFile> {
    if (cache) return cache;
    try {
      const parsed = JSON.parse(await readFile(options.secretsFile, 'utf8')) as Partial<SecretFile>;
      cache = { version: 1, secrets: { ...(parsed.secrets ?? {}) } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      cache = { version: 1, secrets: {} };
    }
    return cache;
  }

  function update(change: (secrets: Record<string, Sealed>) => void): Promise<void> {
    const run = queue.then(async () => {
      const next: SecretFile = { version: 1, secrets: { ...(await load()).secrets } };
      change(next.secrets);
      const temp = `${options.secretsFile}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, JSON.stringify(next, null, 2), { mode: privateFileMode });
      await rename(temp, options.secretsFile);
      cache = next;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    async set(name, secret) {
      const sealed = seal(await theKey(), name, secret);
      await update((secrets) => {
        secrets[name] = sealed;
      });
    },
    async get(name) {
      await queue;
      const sealed = (await load()).secrets[name];
      return sealed === undefined ? null : unseal(await theKey(), name, sealed);
    },
    delete: (name) =>
      update((secrets) => {
        delete secrets[name];
      }),
  };
}
