import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, bytesSource, uploadFile } from '../../../shared/contract';
import { uploadChunkBytes } from '../../../shared/domain/attachment';
import { createCore } from '../../../electron/core/create-core';
import { maxOpenUploadsPerAgent, uploadIdleMs } from '../../../electron/core/services/attachments/chunked-uploads';
import { createBlobStore } from '../../../electron/core/storage/blob-store';
import { migrationsFolder } from '../temp-database';
import { apiOf } from '../../support/connection-api';
import { ok, refusal, startDemoCore, type CaseCore } from '../services/cases/case-fixture';

/** Issue 11: a file reaches the core in pieces, so that no call needs a large frame. */

let t: CaseCore;
beforeEach(() => {
  t = startDemoCore();
});
afterEach(() => t.dispose());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const partFiles = () => {
  const folder = path.join(t.dataDir, 'uploads');
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.part')) : [];
};
const piece = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unknownUpload = 'Cet envoi de fichier a expiré ou n’existe pas : joignez le fichier de nouveau.';

describe('a file uploaded in pieces', () => {
  it('lands in the blob store under its SHA-256, owner-only, once per content, leaving no temp file', async () => {
    const api = apiOf(await t.as('camille'));
    const content = randomBytes(uploadChunkBytes * 2 + 1234);
    const progress: number[] = [];
    const first = await uploadFile(api, bytesSource('../rapport.bin', 'application/octet-stream', content, sha256(content)), (received) =>
      progress.push(received),
    );
    expect(first).toEqual({ sha256: sha256(content), size: content.length, mediaType: 'application/octet-stream', displayName: 'rapport.bin' });
    expect(progress).toEqual([uploadChunkBytes, uploadChunkBytes * 2, content.length]);
    const again = await uploadFile(api, bytesSource('copie.bin', 'application/octet-stream', content));
    expect(again.sha256).toBe(first.sha256);
    const file = createBlobStore(t.dataDir).absolutePath(first.sha256);
    expect(readFileSync(file).equals(content)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(partFiles()).toEqual([]);
  });

  it('takes an empty file', async () => {
    const staged = await uploadFile(apiOf(await t.as('camille')), bytesSource('vide.txt', 'text/plain', new Uint8Array()));
    expect(staged).toMatchObject({ size: 0, sha256: sha256(new Uint8Array()) });
  });

  it('refuses a piece out of order, in French, and takes the expected one after it', async () => {
    const camille = await t.as('camille');
    const content = randomBytes(uploadChunkBytes + 10);
    const { uploadId } = await ok(camille, 'attachments.uploadStart', { name: 'a.bin', size: content.length });
    expect(await refusal(camille, 'attachments.uploadChunk', { uploadId, index: 1, dataBase64: piece(content.subarray(uploadChunkBytes)) })).toEqual({
      code: 'refused',
      message: 'Morceau de fichier n° 1 reçu hors de son ordre (n° 0 attendu) : joignez le fichier de nouveau.',
    });
    await ok(camille, 'attachments.uploadChunk', { uploadId, index: 0, dataBase64: piece(content.subarray(0, uploadChunkBytes)) });
    expect(await refusal(camille, 'attachments.uploadChunk', { uploadId, index: 0, dataBase64: piece(content.subarray(0, 10)) })).toMatchObject({
      code: 'refused',
      message: expect.stringContaining('hors de son ordre'),
    });
    await ok(camille, 'attachments.uploadChunk', { uploadId, index: 1, dataBase64: piece(content.subarray(uploadChunkBytes)) });
    expect(await ok(camille, 'attachments.uploadFinish', { uploadId })).toMatchObject({ sha256: sha256(content) });
  });

  it('refuses a piece after a short one: only the last piece may be short', async () => {
    const camille = await t.as('camille');
    const { uploadId } = await ok(camille, 'attachments.uploadStart', { name: 'a.bin', size: 20 });
    await ok(camille, 'attachments.uploadChunk', { uploadId, index: 0, dataBase64: piece(randomBytes(10)) });
    expect(await refusal(camille, 'attachments.uploadChunk', { uploadId, index: 1, dataBase64: piece(randomBytes(10)) })).toMatchObject({
      code: 'refused',
      message: expect.stringContaining('Seul le dernier morceau'),
    });
  });

  it('refuses a piece for an unknown upload, or for another agent’s', async () => {
    const camille = await t.as('camille');
    const lucas = await t.as('lucas');
    const made = { uploadId: 'ab'.repeat(16), index: 0, dataBase64: piece(randomBytes(4)) };
    expect(await refusal(camille, 'attachments.uploadChunk', made)).toEqual({ code: 'refused', message: unknownUpload });
    const { uploadId } = await ok(camille, 'attachments.uploadStart', { name: 'a.bin', size: 4 });
    expect(await refusal(lucas, 'attachments.uploadChunk', { ...made, uploadId })).toEqual({ code: 'refused', message: unknownUpload });
    expect(await refusal(lucas, 'attachments.uploadFinish', { uploadId })).toEqual({ code: 'refused', message: unknownUpload });
  });

  it('expires an upload left idle, removing its temp file', async () => {
    const camille = await t.as('camille');
    const { uploadId } = await ok(camille, 'attachments.uploadStart', { name: 'a.bin', size: 8 });
    await ok(camille, 'attachments.uploadChunk', { uploadId, index: 0, dataBase64: piece(randomBytes(4)) });
    expect(partFiles()).toHaveLength(1);
    t.clock.advance(uploadIdleMs + 1);
    expect(await refusal(camille, 'attachments.uploadChunk', { uploadId, index: 1, dataBase64: piece(randomBytes(4)) })).toEqual({
      code: 'refused',
      message: unknownUpload,
    });
    await expect.poll(partFiles).toEqual([]);
  });

  it('removes the temp files an earlier run left behind, once they are older than an upload may idle', async () => {
    const camille = await t.as('camille');
    await ok(camille, 'attachments.uploadStart', { name: 'interrompu.bin', size: 8 });
    t.core.close();
    const [left] = partFiles();
    expect(left).toBeDefined();
    const old = new Date(Date.now() - uploadIdleMs - 60_000);
    utimesSync(path.join(t.dataDir, 'uploads', left ?? ''), old, old);

    const restarted = createCore({ dataDir: t.dataDir, migrationsFolder, demo: true });
    try {
      const api = apiOf(restarted.connect());
      await api.session.signIn({ login: 'camille.martin', password: 'demo' });
      await uploadFile(api, bytesSource('nouveau.txt', 'text/plain', Buffer.from('nouveau')));
      expect(partFiles()).toEqual([]);
    } finally {
      restarted.close();
    }
  });

  it('refuses a file over 25 Mo: announced, or grown past what was announced', async () => {
    const camille = await t.as('camille');
    const tooLarge = 26 * 1024 * 1024;
    expect(await refusal(camille, 'attachments.uploadStart', { name: 'gros.bin', size: tooLarge })).toMatchObject({
      code: 'validation',
      fields: { size: 'Le fichier dépasse 25 Mo.' },
    });
    // The screens' helper says it in so many words, where the schema's refusal names a field.
    const refused = await uploadFile(apiOf(camille), bytesSource('gros.bin', 'application/octet-stream', Buffer.alloc(tooLarge))).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'validation', message: 'Le fichier dépasse 25 Mo.' });

    const { uploadId } = await ok(camille, 'attachments.uploadStart', { name: 'menteur.bin', size: 4 });
    expect(await refusal(camille, 'attachments.uploadChunk', { uploadId, index: 0, dataBase64: piece(randomBytes(8)) })).toEqual({
      code: 'refused',
      message: 'Le fichier envoyé dépasse la taille annoncée : joignez-le de nouveau.',
    });
    await expect.poll(partFiles).toEqual([]);
  });

  it('refuses to finish a file that is incomplete or differs from the sender’s, storing nothing', async () => {
    const camille = await t.as('camille');
    const content = randomBytes(100);
    const short = await ok(camille, 'attachments.uploadStart', { name: 'a.bin', size: 100 });
    await ok(camille, 'attachments.uploadChunk', { uploadId: short.uploadId, index: 0, dataBase64: piece(content.subarray(0, 50)) });
    expect(await refusal(camille, 'attachments.uploadFinish', short)).toEqual({
      code: 'refused',
      message: 'Le fichier est incomplet (50 octets reçus sur 100) : joignez-le de nouveau.',
    });
    const other = await uploadFile(apiOf(camille), bytesSource('b.bin', 'application/octet-stream', content, sha256(randomBytes(1)))).catch(
      (error: unknown) => error as ApiError,
    );
    expect(other).toMatchObject({ code: 'refused', message: 'Le fichier reçu diffère du fichier envoyé : joignez-le de nouveau.' });
    expect(createBlobStore(t.dataDir).has(sha256(content))).toBe(false);
    expect(partFiles()).toEqual([]);
  });

  it('refuses a piece that is not base64, and a piece over the piece size', async () => {
    const camille = await t.as('camille');
    const { uploadId } = await ok(camille, 'attachments.uploadStart', { name: 'a.bin', size: uploadChunkBytes + 3 });
    expect(await refusal(camille, 'attachments.uploadChunk', { uploadId, index: 0, dataBase64: 'pas du base64 !' })).toMatchObject({
      code: 'validation',
      fields: { dataBase64: 'Contenu de fichier illisible.' },
    });
    expect(await refusal(camille, 'attachments.uploadChunk', { uploadId, index: 0, dataBase64: piece(randomBytes(uploadChunkBytes + 3)) })).toMatchObject({
      code: 'validation',
      fields: { dataBase64: 'Morceau de fichier trop grand.' },
    });
  });

  it('limits the uploads an agent keeps open, even started all at once', async () => {
    const camille = await t.as('camille');
    const starts = await Promise.all(
      Array.from({ length: maxOpenUploadsPerAgent + 2 }, (_, i) => camille.call('attachments.uploadStart', { name: `f${i}.bin`, size: 1 })),
    );
    expect(starts.filter((result) => result.ok)).toHaveLength(maxOpenUploadsPerAgent);
    expect(starts.filter((result) => !result.ok)).toEqual(
      Array(2).fill({ ok: false, error: { code: 'refused', message: 'Trop de fichiers en cours d’envoi : attendez la fin des envois commencés.' } }),
    );
    expect(partFiles()).toHaveLength(maxOpenUploadsPerAgent);
    await ok(await t.as('lucas'), 'attachments.uploadStart', { name: 'autre.bin', size: 1 });
  });

  it('needs a signed-in agent', async () => {
    const anonymous = t.core.connect();
    expect(await refusal(anonymous, 'attachments.uploadStart', { name: 'x', size: 1 })).toMatchObject({ code: 'unauthenticated' });
  });
});
