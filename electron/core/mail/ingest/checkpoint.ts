import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { mailCheckpoints } from '../../db/schema';
import type { IncomingMail } from '../incoming-mail';

export type MessagePlace = Pick<IncomingMail, 'mailboxId' | 'folder' | 'uidValidity' | 'uid'>;

/**
 * Moves the folder's checkpoint past this message, in the filing transaction: lastUid never goes
 * back within one UIDVALIDITY. A new UIDVALIDITY makes the old UIDs and MODSEQ meaningless (RFC 3501
 * §2.3.1.1, RFC 7162 §3.1.2.1): the checkpoint restarts from this message.
 */
export function advanceCheckpoint(db: Database, place: MessagePlace): void {
  const { mailboxId, folder, uidValidity, uid } = place;
  const sameValidity = sql`${mailCheckpoints.uidValidity} = excluded.uidvalidity`;
  db.orm
    .insert(mailCheckpoints)
    .values({ mailboxId, folder, uidValidity, lastUid: uid })
    .onConflictDoUpdate({
      target: [mailCheckpoints.mailboxId, mailCheckpoints.folder],
      set: {
        // SQLite reads every right-hand side from the row as it was, so the order of these is free.
        lastUid: sql`CASE WHEN ${sameValidity} THEN max(${mailCheckpoints.lastUid}, excluded.last_uid) ELSE excluded.last_uid END`,
        highestModseq: sql`CASE WHEN ${sameValidity} THEN ${mailCheckpoints.highestModseq} ELSE NULL END`,
        uidValidity: sql`excluded.uidvalidity`,
      },
    })
    .run();
}
