import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileSecretStore, hostSecretStore } from '../../electron/host/key-file-secret-store';
import { AppFailure } from '../../shared/contract';

let dir: string;
const options = () => ({ keyFile: path.join(dir, 'secret.key'), secretsFile: path.join(dir, 'secrets.json') });
const posix = process.platform !== 'win32';

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ud-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('key-file secret store (browser host)', () => {
  it('keeps secrets across instances, encrypted, never in the clear', async () => {
    const store = createKeyFileSecretStore(options());
    await store.set('mailbox:a', 'mot de passe été 🔐');
    await store.set('mailbox:b', 'second');
    expect(await createKeyFileSecretStore(options()).get('mailbox:a')).toBe('mot de passe été 🔐');
    expect(await store.get('missing')).toBeNull();

    const file = readFileSync(options().secretsFile, 'utf8');
    expect(file).not.toContain('mot de passe');
    expect(file).not.toContain(Buffer.from('second').toString('base64'));
    expect(Object.keys(JSON.parse(file).secrets)).toEqual(['mailbox:a', 'mailbox:b']);

    await store.delete('mailbox:a');
    expect(await createKeyFileSecretStore(options()).get('mailbox:a')).toBeNull();
    expect(await createKeyFileSecretStore(options()).get('mailbox:b')).toBe('second');
  });

  it.runIf(posix)('creates the key file and the secrets file owner-only (0600)', async () => {
    await createKeyFileSecretStore(options()).set('k', 'v');
    expect(statSync(options().keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(options().secretsFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(options().keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it.runIf(posix)('refuses a key file other accounts can read, and says how to fix it', async () => {
    await createKeyFileSecretStore(options()).set('k', 'v');
    chmodSync(options().keyFile, 0o644);
    const store = createKeyFileSecretStore(options());
    const error = await store.get('k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/lisible par d’autres comptes.*chmod 600/) });
    await expect(store.set('k2', 'v')).rejects.toBeInstanceOf(AppFailure);

    chmodSync(options().keyFile, 0o600);
    expect(await store.get('k')).toBe('v');
  });

  it('gives one key to stores that create it at the same time', async () => {
    const fileOf = (i: number) => ({ keyFile: options().keyFile, secretsFile: path.join(dir, `secrets-${i}.json`) });
    await Promise.all([0, 1, 2, 3].map((i) => createKeyFileSecretStore(fileOf(i)).set('k', `value ${i}`)));
    // Whichever won the race, every value was sealed with the one key now on disk.
    for (const i of [0, 1, 2, 3]) expect(await createKeyFileSecretStore(fileOf(i)).get('k')).toBe(`value ${i}`);
    expect(readFileSync(options().keyFile, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('reads nothing sealed with another key, altered, or moved under another name', async () => {
    await createKeyFileSecretStore(options()).set('mailbox:a', 'secret-a');
    const sealed = JSON.parse(readFileSync(options().secretsFile, 'utf8'));

    sealed.secrets['mailbox:b'] = sealed.secrets['mailbox:a'];
    writeFileSync(options().secretsFile, JSON.stringify(sealed));
    expect(await createKeyFileSecretStore(options()).get('mailbox:b')).toBeNull();

    const data = Buffer.from(sealed.secrets['mailbox:a'].data, 'base64');
    data[0] = (data[0] as number) ^ 1;
    sealed.secrets['mailbox:a'].data = data.toString('base64');
    writeFileSync(options().secretsFile, JSON.stringify(sealed));
    expect(await createKeyFileSecretStore(options()).get('mailbox:a')).toBeNull();

    const otherKey = { keyFile: path.join(dir, 'other.key'), secretsFile: options().secretsFile };
    expect(await createKeyFileSecretStore(otherKey).get('mailbox:b')).toBeNull();
  });

  it('lives beside the data, apart from the Electron shell’s secrets.json', async () => {
    await hostSecretStore(dir).set('k', 'v');
    expect(statSync(path.join(dir, 'host-secret.key')).isFile()).toBe(true);
    expect(statSync(path.join(dir, 'host-secrets.json')).isFile()).toBe(true);
    expect(() => statSync(path.join(dir, 'secrets.json'))).toThrow();
  });
});
