import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Connection, type Core } from '../../../electron/core/create-core';
import { createBlobStore } from '../../../electron/core/storage/blob-store';
import { safeFileName } from '../../../electron/core/storage/safe-file-name';

describe('safeFileName', () => {
  it.each([
    ['facture.pdf', 'facture.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system.ini', 'system.ini'],
    ['CON', '_CON'],
    ['com1.txt', '_com1.txt'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['rapport. ', 'rapport'],
    ['..', 'piece-jointe'],
    ['', 'piece-jointe'],
    ['nul\u0000.txt', 'nul_.txt'],
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = safeFileName(`${'a'.repeat(300)}.pdf`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('attachments.upload through the contract', () => {
  let dir: string;
  let core: Core;
  let conn: Connection;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ud-att-'));
    core = createCore({ dataDir: dir, migrationsFolder: path.resolve('drizzle'), demo: true });
    conn = core.connect();
    await conn.call('session.signIn', { login: 'camille.martin', password: 'demo' });
  });
  afterAll(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the file once per content, under its SHA-256, owner-readable only', async () => {
    const dataBase64 = Buffer.from('Bonjour, voici la facture.').toString('base64');
    const first = await conn.call('attachments.upload', { name: '../facture.txt', mediaType: 'text/plain', dataBase64 });
    const again = await conn.call('attachments.upload', { name: 'copie.txt', mediaType: 'text/plain', dataBase64 });
    expect(first).toMatchObject({ ok: true, data: { displayName: 'facture.txt', size: 26, mediaType: 'text/plain' } });
    if (!first.ok || !again.ok) return;
    const sha = (first.data as { sha256: string }).sha256;
    expect((again.data as { sha256: string }).sha256).toBe(sha);
    const file = createBlobStore(dir).absolutePath(sha);
    expect(readFileSync(file, 'utf8')).toBe('Bonjour, voici la facture.');
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('refuses content that is not base64, writing nothing', async () => {
    const result = await conn.call('attachments.upload', { name: 'x.bin', dataBase64: 'pas du base64 !' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { dataBase64: 'Contenu de fichier illisible.' } } });
    expect(existsSync(path.join(dir, 'attachments'))).toBe(true); // from the first test only
  });

  it('needs a signed-in agent', async () => {
    const anonymous = core.connect();
    const result = await anonymous.call('attachments.upload', { name: 'x', dataBase64: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
