import { quarantine } from '../../db/schema';
import type { Filing } from './arrival';
import type { MessagePlace } from './checkpoint';

export interface QuarantineEntry extends MessagePlace {
  reason: string;
  rawSha256: string;
}

/**
 * A message kept aside with its raw source (SPEC "Incoming messages": visible, never dropped). The
 * same message quarantined again keeps its first row: fetching it twice is not a second problem.
 */
export function recordQuarantine({ db, blobPath, now }: Filing, entry: QuarantineEntry): void {
  const { mailboxId, folder, uidValidity, uid, reason } = entry;
  db.orm
    .insert(quarantine)
    .values({ mailboxId, folder, uidValidity, uid, reason, rawPath: blobPath(entry.rawSha256), receivedAt: now.toISOString() })
    .onConflictDoNothing()
    .run();
}
