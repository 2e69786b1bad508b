import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A self-signed certificate valid for localhost and 127.0.0.1; `cert` doubles as the CA. */
export interface Certificate {
  certPath: string;
  keyPath: string;
  /** PEM of the certificate: give it to clients as `ca` to trust the rig's servers. */
  cert: string;
  /** PEM of the unencrypted private key. */
  key: string;
}

/** Writes `cert.pem` and `key.pem` into `dir` with openssl (2 days of validity is plenty). */
export async function createCertificate(dir: string): Promise<Certificate> {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', keyPath, '-out', certPath,
  ]);
  const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  return { certPath, keyPath, cert, key };
}
