import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/contract';
import { createSafeStorageSecretStore } from '../../electron/shell/secret-store';

const dir = mkdtempSync(path.join(tmpdir(), 'ud-shell-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for safeStorage: a reversible transform with a marker, enough to tell sealed from clear. */
function fakeSafeStorage(options: { available?: boolean; backend?: 'basic_text' | 'gnome_libsecret' } = {}) {
  const seal = (text: string) => Buffer.from(`sealed:${Buffer.from(text).reverse().toString('hex')}`);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text: string) => seal(text),
    decryptString: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(text.slice(7), 'hex').reverse().toString();
    },
  };
}

let n = 0;
const file = () => path.join(dir, `secrets-${++n}.json`);

describe('the safeStorage secret store', () => {
  it('round-trips secrets and writes only ciphertext, owner-only', async () => {
    const where = file();
    const store = createSafeStorageSecretStore(where, fakeSafeStorage());
    await store.set('mailbox:1', 'hunter2-très-secret');
    await store.set('mailbox:2', 'autre');
    await expect(store.get('mailbox:1')).resolves.toBe('hunter2-très-secret');
    const onDisk = readFileSync(where, 'utf8');
    expect(onDisk).not.toContain('hunter2');
    expect(JSON.parse(onDisk).secrets).toHaveProperty('mailbox:1');
    if (process.platform !== 'win32') expect(statSync(where).mode & 0o077).toBe(0);

    // A new store over the same file (next start) reads what the first one wrote.
    const again = createSafeStorageSecretStore(where, fakeSafeStorage());
    await expect(again.get('mailbox:2')).resolves.toBe('autre');
    await again.delete('mailbox:2');
    await expect(again.get('mailbox:2')).resolves.toBeNull();
    await expect(again.get('mailbox:1')).resolves.toBe('hunter2-très-secret');
  });

  it('does not lose a key when writes overlap', async () => {
    const store = createSafeStorageSecretStore(file(), fakeSafeStorage());
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    for (let i = 0; i < 10; i++) await expect(store.get(`k${i}`)).resolves.toBe(`v${i}`);
  });

  it('refuses to store when encryption is unavailable or only basic_text (Linux without keyring)', async () => {
    for (const storage of [fakeSafeStorage({ available: false }), fakeSafeStorage({ backend: 'basic_text' })]) {
      const where = file();
      const store = createSafeStorageSecretStore(where, storage);
      const failure = await store.set('mailbox:1', 'clear').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppFailure);
      expect((failure as AppFailure).error.code).toBe('unavailable');
      expect(() => readFileSync(where)).toThrow();
    }
  });

  it('answers null for a secret sealed by another keychain', async () => {
    const where = file();
    const store = createSafeStorageSecretStore(where, fakeSafeStorage());
    await store.set('mailbox:1', 'x');
    const broken = { ...fakeSafeStorage(), decryptString: () => { throw new Error('bad key'); } };
    await expect(createSafeStorageSecretStore(where, broken).get('mailbox:1')).resolves.toBeNull();
  });
});
