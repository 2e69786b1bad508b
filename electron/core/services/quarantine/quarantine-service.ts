import { readFile } from 'node:fs/promises';
import { and, asc, eq } from 'drizzle-orm';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type { AttachmentFile } from '../../../../shared/domain/attachment';
import type { QuarantinePage, QuarantineQueue, QuarantineRetry } from '../../../../shared/domain/quarantine';
import { queues } from '../../db/schema';
import { waitingInQuarantine } from '../../mail/ingest/quarantine';
import { createBlobStore } from '../../storage/blob-store';
import { notFound } from '../access';
import type { ServiceDeps } from '../index';
import { createCaseFrom, type CaseRequest } from './quarantine-case';
import { deleteQuarantined } from './quarantine-delete';
import { retryQuarantined } from './quarantine-retry';
import { assertManagesQuarantine, listWaiting, loadWaiting, sourceFile } from './quarantine-rows';

export type QuarantineService = ReturnType<typeof createQuarantineService>;

/**
 * The mail the sync set aside (PRODUCT.md "Incoming messages": a visible quarantine, never dropped), for
 * administrators and supervisors. Every call checks the right first, so a refused one changes
 * nothing; every change announces the new count (`quarantine.changed`), and a case made
 * (`case.changed`) reaches the desks.
 */
export function createQuarantineService(serviceDeps: Pick<ServiceDeps, 'db' | 'clock' | 'events' | 'dataDir'>) {
  const deps = { ...serviceDeps, blobs: createBlobStore(serviceDeps.dataDir) };
  const { db, events } = deps;
  const announce = () => events.emit('quarantine.changed', { count: waitingInQuarantine(db) });

  return {
    list(page: { before?: number | undefined; limit: number }, agent: AgentSummary): Promise<QuarantinePage> {
      assertManagesQuarantine(db, agent);
      return listWaiting(db, deps.dataDir, page);
    },

    count(agent: AgentSummary): { count: number } {
      assertManagesQuarantine(db, agent);
      return { count: waitingInQuarantine(db) };
    },

    async source(id: number, agent: AgentSummary): Promise<AttachmentFile> {
      assertManagesQuarantine(db, agent);
      const row = loadWaiting(db, id);
      const content = await readFile(sourceFile(deps.dataDir, row)).catch(() => {
        throw notFound('La source de ce message est introuvable dans les données du centre.');
      });
      return { fileName: `quarantaine-${row.id}.eml`, mimeType: 'message/rfc822', contentBase64: content.toString('base64') };
    },

    async retry(id: number, agent: AgentSummary): Promise<QuarantineRetry> {
      assertManagesQuarantine(db, agent);
      const result = await retryQuarantined(deps, loadWaiting(db, id));
      announce();
      return result;
    },

    queues(agent: AgentSummary): QuarantineQueue[] {
      assertManagesQuarantine(db, agent);
      return db.orm
        .select({ id: queues.id, name: queues.name })
        .from(queues)
        .where(and(eq(queues.active, true), eq(queues.media, 'email')))
        .orderBy(asc(queues.name))
        .all();
    },

    async createCase(input: CaseRequest & { id: number }, agent: AgentSummary): Promise<{ caseId: number; number: string }> {
      assertManagesQuarantine(db, agent);
      const opened = await createCaseFrom(deps, input.id, input, agent);
      events.emit('case.changed', opened.change);
      announce();
      return { caseId: opened.outcome.caseId, number: opened.outcome.number };
    },

    async delete(id: number, agent: AgentSummary): Promise<null> {
      assertManagesQuarantine(db, agent);
      await deleteQuarantined(deps, id);
      announce();
      return null;
    },
  };
}
