import { randomUUID } from 'node:crypto';
import type { SecretStore } from '../../ports';

/**
 * Mailbox passwords live in the SecretStore only (safeStorage in the shell, a key file in the
 * browser host); the row keeps the key. A new password gets a NEW key, written before the row
 * and removed if the row is not: the store is async I/O and cannot join the SQLite transaction,
 * so this order is what keeps a failed save from changing or losing the working password.
 */
export async function withNewSecret<T>(
  secrets: SecretStore,
  password: string,
  write: (secretKey: string) => T,
): Promise<T> {
  const secretKey = `mailbox:${randomUUID()}`;
  await secrets.set(secretKey, password);
  try {
    return write(secretKey);
  } catch (error) {
    await secrets.delete(secretKey).catch(() => undefined);
    throw error;
  }
}

/** An unreadable store (keychain locked or gone) counts as no password: typing it again fixes it. */
export async function hasSecret(secrets: SecretStore, secretKey: string): Promise<boolean> {
  return (await secrets.get(secretKey).catch(() => null)) !== null;
}
