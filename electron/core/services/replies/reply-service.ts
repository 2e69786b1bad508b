import type { ReplyPreview, DraftImage } from '../../../../shared/contract/calls/replies';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type { Reply } from '../../../../shared/domain/reply';
import { createBlobStore } from '../../storage/blob-store';
import { createAttachmentService } from '../attachment-service';
import { readableCase } from '../case-access';
import { caseHandler } from '../cases/case-scope';
import type { ServiceDeps } from '../index';
import { draftImageRows, readDraftImages } from './draft-images';
import { previewReply } from './reply-preview';

export type ReplyService = ReturnType<typeof createReplyService>;

/** The `replies` namespace: what the composer needs beside the case actions (PRODUCT.md "Replying"). */
export function createReplyService(deps: Pick<ServiceDeps, 'db' | 'dataDir'>) {
  const { db } = deps;
  const blobs = createBlobStore(deps.dataDir);
  const files = createAttachmentService(blobs);
  // One snapshot: the quoted message and the signature are read as of one instant.
  const read = <T>(work: () => T): T => db.sqlite.transaction(work).deferred();

  /** The case as the agent may see it, checked in the transaction that goes on to read it. */
  function readable(agent: AgentSummary, caseId: number) {
    const actor = caseHandler(db, agent);
    return { actor, row: readableCase(db, caseId, actor) };
  }

  function preview(input: { caseId: number; reply: Reply }, agent: AgentSummary): ReplyPreview {
    // A file the send would not find must not show in the preview either.
    files.assertStored(input.reply.attachments);
    return read(() => {
      const { actor, row } = readable(agent, input.caseId);
      return previewReply(db, row, input.reply, actor);
    });
  }

  async function draftImages(input: { caseId: number }, agent: AgentSummary): Promise<DraftImage[]> {
    const images = read(() => {
      readable(agent, input.caseId);
      return draftImageRows(db, input.caseId);
    });
    return readDraftImages(blobs, images);
  }

  return { preview, draftImages };
}
