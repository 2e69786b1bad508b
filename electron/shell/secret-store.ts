import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { SafeStorage } from './electron-api';
import { AppFailure } from '../../shared/contract';
import type { SecretStore } from '../core/ports';

type Storage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

interface SecretFile {
  version: 1;
  /** key → base64 of safeStorage's ciphertext; never the secret itself. */
  secrets: Record<string, string>;
}

const unavailable = () =>
  new AppFailure({
    code: 'unavailable',
    message:
      'Le trousseau du système n’est pas disponible : le mot de passe ne peut pas être enregistré de façon sûre.',
  });

/**
 * Mailbox passwords, encrypted by the OS keychain through safeStorage, kept as ciphertext in a JSON
 * file (owner-only, replaced atomically). Refuses to store rather than store in the clear: when
 * encryption is unavailable, and on Linux without a keyring, where safeStorage falls back to
 * `basic_text`, a key written in Chromium's source.
 */
export function createSafeStorageSecretStore(file: string, storage: Storage): SecretStore {
  let cache: SecretFile | null = null;
  // Writes run one after the other so that two `set`s cannot lose each other's key.
  let queue: Promise<unknown> = Promise.resolve();

  const encryptionUsable = () =>
    storage.isEncryptionAvailable() && storage.getSelectedStorageBackend?.() !== 'basic_text';

  async function load(): Promise<SecretFile> {
    if (cache) return cache;
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<SecretFile>;
      cache = { version: 1, secrets: { ...(parsed.secrets ?? {}) } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      cache = { version: 1, secrets: {} };
    }
    return cache;
  }

  async function save(data: SecretFile): Promise<void> {
    const temp = `${file}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(data, null, 2), { mode: 0o600 });
    await rename(temp, file);
  }

  function update(change: (secrets: Record<string, string>) => void): Promise<void> {
    const run = queue.then(async () => {
      const data = await load();
      const next = { version: 1 as const, secrets: { ...data.secrets } };
      change(next.secrets);
      await save(next);
      cache = next;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    set: async (key, secret) => {
      if (!encryptionUsable()) throw unavailable();
      const sealed = storage.encryptString(secret).toString('base64');
      await update((secrets) => {
        secrets[key] = sealed;
      });
    },
    get: async (key) => {
      await queue;
      const sealed = (await load()).secrets[key];
      if (sealed === undefined) return null;
      if (!storage.isEncryptionAvailable()) throw unavailable();
      try {
        return storage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed by another OS account or a keychain since reset: the agent types the password again.
        return null;
      }
    },
    delete: async (key) => {
      await update((secrets) => {
        delete secrets[key];
      });
    },
  };
}
