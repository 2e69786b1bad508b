import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { createBlobStore } from '../../../electron/core/storage/blob-store';
import { caseBySubject, ok, refusal, startDemoCore, type CaseCore } from './cases/case-fixture';

/** SPEC "Consulting a case": the files of incoming messages are saved, or opened after a warning. */

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
    expect(opener.opened[0]!.path.startsWith(t.dataDir)).toBe(false);
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
