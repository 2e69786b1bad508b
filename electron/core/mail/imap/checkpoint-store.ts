import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { mailCheckpoints } from '../../db/tables/mail';

/** How far one folder was synced (a `mail_checkpoints` row). */
export interface Checkpoint {
  uidValidity: number;
  lastUid: number;
  highestModseq: string | null;
  syncedAt: string | null;
}

/**
 * The sync's side of `mail_checkpoints`. The sink moves `last_uid` with every message it files, in
 * the same transaction; the sync only starts a folder over and records complete passes.
 */
export interface CheckpointStore {
  read(mailboxId: number, folder: string): Checkpoint | null;
  /**
   * A folder seen for the first time, or whose UIDVALIDITY changed: every UID known so far is void
   * (RFC 3501 §2.3.1.1), so the checkpoint starts again at 0 under the new UIDVALIDITY. Written
   * before the rescan, so that a crash during it resumes the rescan instead of skipping it.
   */
  restart(mailboxId: number, folder: string, uidValidity: number): void;
  /** After a complete pass: when, and HIGHESTMODSEQ (RFC 7162) when the server has CONDSTORE. */
  markSynced(mailboxId: number, folder: string, pass: { uidValidity: number; highestModseq: string | null; at: string }): void;
}

export function createCheckpointStore(db: Database): CheckpointStore {
  const where = (mailboxId: number, folder: string) =>
    and(eq(mailCheckpoints.mailboxId, mailboxId), eq(mailCheckpoints.folder, folder));
  return {
    read(mailboxId, folder) {
      const row = db.orm.select().from(mailCheckpoints).where(where(mailboxId, folder)).get();
      return row ? { uidValidity: row.uidValidity, lastUid: row.lastUid, highestModseq: row.highestModseq, syncedAt: row.syncedAt } : null;
    },
    restart(mailboxId, folder, uidValidity) {
      const reset = { uidValidity, lastUid: 0, highestModseq: null };
      db.orm
        .insert(mailCheckpoints)
        .values({ mailboxId, folder, ...reset })
        .onConflictDoUpdate({ target: [mailCheckpoints.mailboxId, mailCheckpoints.folder], set: reset })
        .run();
    },
    markSynced(mailboxId, folder, pass) {
      db.orm
        .update(mailCheckpoints)
        .set({ highestModseq: pass.highestModseq, syncedAt: pass.at })
        .where(and(where(mailboxId, folder), eq(mailCheckpoints.uidValidity, pass.uidValidity)))
        .run();
    },
  };
}
