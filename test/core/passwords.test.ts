import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/core/passwords';

describe('passwords', () => {
  it('stores the scrypt parameters, a salt and the hash in one string', () => {
    const stored = hashPassword('demo');
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(64);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = hashPassword('Mot de passe très sûr');
    expect(await verifyPassword('Mot de passe très sûr', stored)).toBe(true);
    expect(await verifyPassword('mot de passe très sûr', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so the same password never gives the same string', () => {
    expect(hashPassword('demo')).not.toBe(hashPassword('demo'));
  });

  it('verifies with the parameters stored in the string, not the current defaults', async () => {
    const stored = hashPassword('demo', { N: 1024, r: 8, p: 1 });
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('demo', stored)).toBe(true);
  });

  it('treats the same text typed composed or decomposed as one password', async () => {
    const stored = hashPassword('Hélène'.normalize('NFC'));
    expect(await verifyPassword('Hélène'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses malformed or tampered strings instead of throwing', async () => {
    const stored = hashPassword('demo', { N: 1024, r: 8, p: 1 });
    const parts = stored.split('$');
    const tampered = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join('$');
    for (const bad of [
      '',
      'demo',
      'bcrypt$1024$8$1$abc$def',
      tampered(1, '1000'), // not a power of two
      tampered(1, String(2 ** 30)), // would need gigabytes
      tampered(2, '0'),
      tampered(4, ''),
      tampered(5, 'AAAA'), // a truncated hash
      tampered(1, '2048'), // another cost gives another hash
    ]) {
      expect(await verifyPassword('demo', bad)).toBe(false);
    }
  });
});
