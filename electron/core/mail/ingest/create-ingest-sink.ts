import type { ServiceDeps } from '../../services';
import { createBlobStore } from '../../storage/blob-store';
import type { IncomingMail, IngestSink } from '../incoming-mail';
import type { Filing } from './arrival';
import { advanceCheckpoint } from './checkpoint';
import { fileMessage } from './file-message';
import { recordQuarantine, waitingInQuarantine, type QuarantineEntry } from './quarantine';

export type IngestDeps = Pick<ServiceDeps, 'db' | 'clock' | 'events' | 'dataDir'>;

/**
 * The filing side of mail sync (see ../incoming-mail). Each message is one IMMEDIATE transaction:
 * the write lock is taken up front, so the case number, the contact and the checkpoint are decided
 * with no other writer in between (the browser host may share the file). Events go out after commit.
 */
export function createIngestSink(deps: IngestDeps): IngestSink {
  const { db, clock, events } = deps;
  const blobs = createBlobStore(deps.dataDir);
  const filing = (): Filing => ({ db, now: clock.now(), blobPath: blobs.relativePath });

  const file = db.sqlite.transaction((mail: IncomingMail) => fileMessage(filing(), mail));
  const setAside = db.sqlite.transaction((entry: QuarantineEntry) => {
    recordQuarantine(filing(), entry);
    advanceCheckpoint(db, entry);
  });

  // After commit, like case.changed: the header's count follows whatever the sync set aside.
  const announceQuarantine = () => events.emit('quarantine.changed', { count: waitingInQuarantine(db) });

  return {
    ingest(mail) {
      const { outcome, changes } = file.immediate(mail);
      for (const change of changes) events.emit('case.changed', change);
      if (outcome.kind === 'quarantined') announceQuarantine();
      return outcome;
    },
    quarantine(entry) {
      setAside.immediate(entry);
      announceQuarantine();
    },
  };
}
