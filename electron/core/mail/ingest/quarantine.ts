import { and, count, eq, isNull } from 'drizzle-orm';
import { quarantineCodes, type QuarantineCode, type QuarantineReason } from '../../../../shared/domain/quarantine';
import type { Database } from '../../db/database';
import { quarantine } from '../../db/schema';
import type { Filing } from './arrival';
import type { MessagePlace } from './checkpoint';

export interface QuarantineEntry extends MessagePlace {
  reason: QuarantineReason;
  rawSha256: string;
}

/** A technical detail is for the person who fixes things, not a document: it is kept short. */
const maxDetail = 500;

/** `code` or `code: detail` in the `reason` column, so that the screens word the code in their language. */
export function encodeReason({ code, detail }: QuarantineReason): string {
  const short = detail?.replace(/\s+/g, ' ').trim().slice(0, maxDetail);
  return short ? `${code}: ${short}` : code;
}

const encoded = /^([a-z_]+)(?:: ([\s\S]*))?$/;

/** Reads the column back; a row written before reasons had codes is `other`, its French text the detail. */
export function decodeReason(stored: string): { code: QuarantineCode; detail: string | null } {
  const found = encoded.exec(stored);
  const code = found?.[1] as QuarantineCode | undefined;
  if (found && code && quarantineCodes.includes(code)) return { code, detail: found[2] ?? null };
  return { code: 'other', detail: stored };
}

/**
 * A message kept aside with its raw source (PRODUCT.md "Incoming messages": visible, never dropped), in
 * exactly one row. The same place set aside again (« Réessayer ») keeps its row with the reason it
 * has now; the same source in the same mailbox under another place (the server renumbered its
 * UIDs, RFC 3501 §2.3.1.1, and the sync listed everything again) moves the row to where it is now.
 */
export function recordQuarantine({ db, blobPath, now }: Filing, entry: QuarantineEntry): void {
  const { mailboxId, folder, uidValidity, uid } = entry;
  const rawPath = blobPath(entry.rawSha256);
  const reason = encodeReason(entry.reason);
  const sameSource = db.orm
    .select({ id: quarantine.id })
    .from(quarantine)
    .where(and(eq(quarantine.mailboxId, mailboxId), eq(quarantine.rawPath, rawPath), isNull(quarantine.resolvedAt)))
    .get();
  if (sameSource) {
    db.orm.update(quarantine).set({ folder, uidValidity, uid, reason }).where(eq(quarantine.id, sameSource.id)).run();
    return;
  }
  db.orm
    .insert(quarantine)
    .values({ mailboxId, folder, uidValidity, uid, reason, rawPath, receivedAt: now.toISOString() })
    .onConflictDoUpdate({
      target: [quarantine.mailboxId, quarantine.folder, quarantine.uidValidity, quarantine.uid],
      set: { reason, rawPath, resolvedAt: null },
    })
    .run();
}

/** Messages waiting in quarantine: the header's count. A resolved row (filed since) no longer waits. */
export function waitingInQuarantine(db: Database): number {
  return db.orm.select({ n: count() }).from(quarantine).where(isNull(quarantine.resolvedAt)).get()?.n ?? 0;
}
