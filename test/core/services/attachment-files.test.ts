import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { createBlobStore } from '../../../electron/core/storage/blob-store';
import { bytesSource, uploadFile } from '../../../shared/contract';
import { apiOf } from '../../support/connection-api';
import { migrationsFolder } from '../temp-database';
import { caseBySubject, contactEmail, ok, refusal, startDemoCore, type CaseCore } from './cases/case-fixture';

/** PRODUCT.md "Consulting a case and a contact": the files of incoming messages are saved, or opened after a warning. */

let t: CaseCore;
afterEach(() => t.dispose());

/** A file joined to the first message of a demo case, as the mail sync stores one. */
async function fileOnCase(core: Core, dataDir: string, subject: string, name: string, mediaType: string, content: string) {
  const stored = await createBlobStore(dataDir).put(Buffer.from(content));
  const row = caseBySubject(core, subject);
  const message = core.db.sqlite.prepare('SELECT id FROM messages WHERE case_id = ? ORDER BY id LIMIT 1').get(row.id) as { id: number };
  const { id } = core.db.sqlite
    .prepare(
      `INSERT INTO attachments (case_id, message_id, kind, sha256, size, media_type, display_name, storage_path, created_at)
       VALUES (?, ?, 'mail', ?, ?, ?, ?, ?, '2025-03-14T09:00:00.000Z') RETURNING id`,
    )
    .get(row.id, message.id, stored.sha256, stored.size, mediaType, name, stored.storagePath) as { id: number };
  return { attachmentId: id, caseId: row.id };
}

/** The FileOpener port as the Electron shell gives it, recording instead of launching a program. */
function recordingOpener() {
  const opened: { path: string; content: string }[] = [];
  return { opened, open: async (filePath: string) => void opened.push({ path: filePath, content: readFileSync(filePath, 'utf8') }) };
}

describe('attachments.download', () => {
  it('gives the file to an agent who may read its case, and no one else', async () => {
    t = startDemoCore();
    const file = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', 'Bon de livraison.pdf', 'application/pdf', '%PDF-1.7 bon');

    const saved = await ok(await t.as('lucas'), 'attachments.download', { attachmentId: file.attachmentId });
    expect(saved).toEqual({
      fileName: 'Bon de livraison.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.7 bon').toString('base64'),
    });

    // Camille is not in the complaints queue and the case is Lucas's.
    const error = await refusal(await t.as('camille'), 'attachments.download', { attachmentId: file.attachmentId });
    expect(error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/ni sur vos bureaux ni dans l’une de vos files/) });
    expect(await refusal(await t.as('admin'), 'attachments.download', { attachmentId: file.attachmentId })).toMatchObject({ code: 'forbidden' });
    expect(await refusal(await t.as('lucas'), 'attachments.download', { attachmentId: 99999 })).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^Ce message ou ce fichier n’existe pas/),
    });
  });

  it('lets whoever reads a master read the files of the cases merged into it', async () => {
    t = startDemoCore();
    const file = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', 'photo.jpg', 'image/jpeg', 'jpeg');
    const master = caseBySubject(t.core, 'Demande de duplicata');
    await ok(await t.as('sophie'), 'cases.merge', { masterId: master.id, caseIds: [file.caseId] });

    const saved = await ok(await t.as('camille'), 'attachments.download', { attachmentId: file.attachmentId });
    expect(Buffer.from(saved.contentBase64, 'base64').toString()).toBe('jpeg');
  });
});

describe('attachments.open', () => {
  it('copies the file under its safe name and hands it to the system', async () => {
    const opener = recordingOpener();
    t = startDemoCore({ opener });
    const file = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', '../../Bon: livraison.pdf', 'application/pdf', 'contenu');

    expect(await ok(await t.as('lucas'), 'attachments.open', { attachmentId: file.attachmentId })).toBeNull();
    expect(opener.opened).toHaveLength(1);
    expect(path.basename(opener.opened[0]!.path)).toBe('Bon_ livraison.pdf');
    expect(opener.opened[0]!.content).toBe('contenu');
  });

  it('copies it into a folder of the data folder that only the user can read, emptied at the next start', async () => {
    const opener = recordingOpener();
    t = startDemoCore({ opener });
    const file = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', 'relevé.pdf', 'application/pdf', 'relevé');
    await ok(await t.as('lucas'), 'attachments.open', { attachmentId: file.attachmentId });

    const copy = opener.opened[0]!.path;
    const openedRoot = path.join(t.dataDir, 'opened');
    expect(path.relative(openedRoot, copy).split(path.sep)).toHaveLength(2); // one fresh folder per opening
    expect(copy.startsWith(path.join(os.tmpdir(), 'unified-desktop-opened'))).toBe(false);
    if (process.platform !== 'win32') {
      for (const folder of [openedRoot, path.dirname(copy)]) expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(copy).mode & 0o777).toBe(0o600);
    }

    t.core.close();
    createCore({ dataDir: t.dataDir, migrationsFolder, opener }).close();
    expect(existsSync(copy)).toBe(false);
    expect(readdirSync(openedRoot)).toEqual([]);
  });

  it('refuses a dangerous type until the agent confirmed, by name or by declared type', async () => {
    const opener = recordingOpener();
    t = startDemoCore({ opener });
    const lucas = await t.as('lucas');
    const exe = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', 'Facture.pdf.exe', 'application/pdf', 'MZ');
    const disguised = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', 'photo', 'application/x-msdownload', 'MZ');

    for (const { attachmentId } of [exe, disguised]) {
      const error = await refusal(lucas, 'attachments.open', { attachmentId });
      expect(error).toMatchObject({ code: 'refused', message: expect.stringMatching(/peut contenir un programme : confirmez/) });
      expect(await refusal(lucas, 'attachments.open', { attachmentId, confirmedDangerous: false })).toMatchObject({ code: 'refused' });
    }
    expect(opener.opened).toEqual([]);

    await ok(lucas, 'attachments.open', { attachmentId: exe.attachmentId, confirmedDangerous: true });
    expect(opener.opened.map((entry) => path.basename(entry.path))).toEqual(['Facture.pdf.exe']);
  });

  it('judges the very name it opens: a renamed reply file still needs the confirmation', async () => {
    const opener = recordingOpener();
    t = startDemoCore({ opener });
    const camille = await t.as('camille');
    const sophie = await t.as('sophie');
    const row = caseBySubject(t.core, 'Demande d’échéancier');
    const staged = await uploadFile(apiOf(camille), bytesSource('facture.pdf', 'application/pdf', Buffer.from('MZ')));
    // A hostile client renames the staged file: Windows drops trailing dots and spaces, reads
    // `name:stream` as a stream of `name`, and bidi or control characters hide the real extension.
    const disguises = ['facture.pdf.exe.', 'facture.pdf.exe. . ', 'facture.pdf.exe:flux', 'facture.pdf.exe::$DATA', 'facture.pdf.exe\u202e', 'facture.pdf.exe\u0000', 'FACTURE.PDF.E\u200bXE'];
    await ok(camille, 'cases.act', {
      caseId: row.id,
      version: row.version,
      action: 'reply_and_wait',
      reply: { to: { address: contactEmail(t.core, row.id) }, html: '<p>Voici la facture.</p>', attachments: disguises.map((displayName) => ({ ...staged, displayName })) },
    });

    const detail = await ok(sophie, 'cases.get', { caseId: row.id });
    const files = detail.messages.at(-1)?.attachments ?? [];
    expect(files.map((file) => file.displayName)).toEqual(['facture.pdf.exe', 'facture.pdf.exe', 'facture.pdf.exe', 'facture.pdf.exe', 'facture.pdf.exe', 'facture.pdf.exe', 'FACTURE.PDF.EXE']);
    for (const file of files) {
      const error = await refusal(sophie, 'attachments.open', { attachmentId: file.id });
      expect(error).toMatchObject({ code: 'refused', message: expect.stringMatching(/peut contenir un programme : confirmez/) });
    }
    expect(opener.opened).toEqual([]);
    await ok(sophie, 'attachments.open', { attachmentId: files[0]!.id, confirmedDangerous: true });
    expect(opener.opened.map((entry) => path.basename(entry.path))).toEqual(['facture.pdf.exe']);
  });

  it('judges a stored name as it opens it, for files stored before names were cleaned', async () => {
    const opener = recordingOpener();
    t = startDemoCore({ opener });
    const lucas = await t.as('lucas');
    for (const name of ['facture.pdf.exe.', 'facture\u202efdp.exe', 'photo.jpg.EXE ', 'a.exe:stream']) {
      const { attachmentId } = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', name, 'application/pdf', 'MZ');
      expect(await refusal(lucas, 'attachments.open', { attachmentId })).toMatchObject({ code: 'refused' });
      const saved = await ok(lucas, 'attachments.download', { attachmentId });
      expect(saved.fileName).toMatch(/\.exe$/i);
    }
    expect(opener.opened).toEqual([]);
  });

  it('says in French when the system could not open it', async () => {
    t = startDemoCore({ opener: { open: async () => Promise.reject(new Error('Aucune application pour ce type.')) } });
    const file = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', 'plan.dwg', 'application/acad', 'x');
    expect(await refusal(await t.as('lucas'), 'attachments.open', { attachmentId: file.attachmentId })).toEqual({
      code: 'refused',
      message: 'Le système n’a pas pu ouvrir « plan.dwg ». Aucune application pour ce type.',
    });
  });

  it('is not available without a FileOpener (the browser host), which app.info announces', async () => {
    t = startDemoCore();
    const file = await fileOnCase(t.core, t.dataDir, 'Retard de livraison', 'notice.pdf', 'application/pdf', 'x');
    const lucas = await t.as('lucas');
    expect(await refusal(lucas, 'attachments.open', { attachmentId: file.attachmentId })).toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/^Impossible d’ouvrir une pièce jointe ici : enregistrez-la/),
    });
    expect(await ok(lucas, 'app.info', {})).toMatchObject({ canOpenFiles: false });

    const withOpener = startDemoCore({ opener: recordingOpener() });
    try {
      expect(await ok(await withOpener.as('lucas'), 'app.info', {})).toMatchObject({ canOpenFiles: true });
    } finally {
      withOpener.dispose();
    }
  });
});
