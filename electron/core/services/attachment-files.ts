import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../shared/contract';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { AttachmentFile } from '../../../shared/domain/attachment';
import { judgeFile } from '../../../shared/domain/dangerous-types';
import { attachments } from '../db/schema';
import { createBlobStore } from '../storage/blob-store';
import { createOpenedFiles } from '../storage/opened-files';
import { notFound } from './access';
import { assertPartReadable, partOutOfReach } from './case-access';
import { caseHandler } from './cases/case-scope';
import type { ServiceDeps } from './index';

export type AttachmentFiles = ReturnType<typeof createAttachmentFiles>;

type AttachmentRow = typeof attachments.$inferSelect;

const refused = (message: string) => new AppFailure({ code: 'refused', message });

/**
 * Saving and opening the files of a case (PRODUCT.md "Consulting a case and a contact"): the agent gets a file only if
 * they may read its case, or the master it is merged into (its messages show in that thread).
 */
export function createAttachmentFiles(deps: Pick<ServiceDeps, 'db' | 'opener' | 'dataDir'>) {
  const { db, opener } = deps;
  const blobs = createBlobStore(deps.dataDir);
  const openedFiles = createOpenedFiles(deps.dataDir);
  // Only a core that opens files clears their folder: the mail process shares the data folder.
  if (opener) openedFiles.clear();

  function readableFile(agent: AgentSummary, attachmentId: number): AttachmentRow {
    const actor = caseHandler(db, agent);
    const file = db.orm.select().from(attachments).where(eq(attachments.id, attachmentId)).get();
    if (!file) throw notFound(partOutOfReach);
    assertPartReadable(db, file.caseId, actor);
    if (!blobs.has(file.sha256)) throw notFound(`Le fichier « ${file.displayName} » est introuvable dans les données du centre.`);
    return file;
  }

  async function download(input: { attachmentId: number }, agent: AgentSummary): Promise<AttachmentFile> {
    const file = readableFile(agent, input.attachmentId);
    const content = await readFile(blobs.absolutePath(file.sha256));
    return { fileName: judgeFile(file.displayName, file.mediaType).name, mimeType: file.mediaType, contentBase64: content.toString('base64') };
  }

  async function open(input: { attachmentId: number; confirmedDangerous?: boolean | undefined }, agent: AgentSummary): Promise<null> {
    if (!opener) {
      throw refused('Impossible d’ouvrir une pièce jointe ici : enregistrez-la, puis ouvrez-la depuis votre ordinateur.');
    }
    const file = readableFile(agent, input.attachmentId);
    // One verdict for the name copied and the type judged, so they cannot disagree.
    const { name, dangerous } = judgeFile(file.displayName, file.mediaType);
    if (dangerous && input.confirmedDangerous !== true) {
      throw refused(`« ${name} » peut contenir un programme : confirmez que vous voulez l’ouvrir.`);
    }
    // The system's application gets a copy under the file's own safe name (it picks the program
    // by extension); the stored blob, named by its hash, stays out of reach.
    const copy = await openedFiles.copy(blobs.absolutePath(file.sha256), name);
    try {
      await opener.open(copy);
    } catch (cause) {
      const reason = cause instanceof Error && cause.message ? ` ${cause.message}` : '';
      throw refused(`Le système n’a pas pu ouvrir « ${name} ».${reason}`);
    }
    return null;
  }

  return { download, open, canOpenFiles: opener !== null };
}
