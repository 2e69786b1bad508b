import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { QuarantineRetry } from '../../../../shared/domain/quarantine';
import { cases, quarantine } from '../../db/schema';
import { fileParsed } from '../../mail/imap/file-batch';
import type { IngestOutcome, IngestSink } from '../../mail/incoming-mail';
import { fileIncoming } from '../../mail/ingest/file-message';
import { recordQuarantine } from '../../mail/ingest/quarantine';
import { parseMessage } from '../../mail/mime/parse-message';
import { notFound } from '../access';
import { entryOf, sourceFile, type QuarantineRow } from './quarantine-rows';
import type { QuarantineDeps } from './quarantine-deps';

const caseOf = (outcome: IngestOutcome): number | null => ('caseId' in outcome ? outcome.caseId : null);

/**
 * The sync's own filing for one message set aside, without its checkpoint (`fileIncoming`): filed,
 * the row is resolved in the same transaction; set aside again, the row keeps the reason it has now.
 */
function retrySink(deps: QuarantineDeps, row: QuarantineRow, heard: { outcome: IngestOutcome | null }): IngestSink {
  const { db, clock, events } = deps;
  const filing = () => ({ db, now: clock.now(), blobPath: deps.blobs.relativePath });
  const file = db.sqlite.transaction((mail: Parameters<IngestSink['ingest']>[0]) => {
    const filed = fileIncoming(filing(), mail);
    if (caseOf(filed.outcome) !== null) {
      db.orm.update(quarantine).set({ resolvedAt: filing().now.toISOString() }).where(eq(quarantine.id, row.id)).run();
    }
    return filed;
  });
  const setAside = db.sqlite.transaction((entry: Parameters<IngestSink['quarantine']>[0]) => recordQuarantine(filing(), entry));
  return {
    ingest(mail) {
      const { outcome, changes } = file.immediate(mail);
      for (const change of changes) events.emit('case.changed', change);
      heard.outcome = outcome;
      return outcome;
    },
    quarantine: (entry) => setAside.immediate(entry),
  };
}

/**
 * « Réessayer » (after a fix: a parser that now reads it, an address corrected by an administrator):
 * the stored source is parsed and filed again exactly as the sync would file it today.
 */
export async function retryQuarantined(deps: QuarantineDeps, row: QuarantineRow): Promise<QuarantineRetry> {
  const raw = await readFile(sourceFile(deps.dataDir, row)).catch(() => {
    throw notFound('La source de ce message est introuvable dans les données du centre.');
  });
  const place = { mailboxId: row.mailboxId, folder: row.folder, uidValidity: row.uidValidity, uid: row.uid };
  // The server's INTERNALDATE is not kept: when the sync set it aside is the closest we know.
  const parsed = await parseMessage(raw, { ...place, internalDate: new Date(row.receivedAt) }, deps);
  const heard: { outcome: IngestOutcome | null } = { outcome: null };
  fileParsed(place, parsed, { sink: retrySink(deps, row, heard) });
  const caseId = heard.outcome ? caseOf(heard.outcome) : null;
  if (caseId === null) return { outcome: 'quarantined', entry: await entryOf(deps.db, deps.dataDir, row.id) };
  const found = deps.db.orm.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)).get();
  return { outcome: 'filed', caseId, number: found?.number ?? '' };
}
