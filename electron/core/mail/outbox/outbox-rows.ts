import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { cases, history, mailboxes, messages, outbox, type OutgoingMail } from '../../db/schema';

/**
 * The outbox's states, as rows tell them (no I/O here: each function is one short transaction,
 * and the network work happens between them):
 * - `queued`: never handed to the SMTP server; due at `next_attempt_at`.
 * - `sending`: claimed. While a worker holds it, `next_attempt_at` is its lease, renewed as it
 *   works. A `sending` row whose lease ran out was left by a crash or by an uncertain failure:
 *   the message may have left, so it is RESOLVED (looked for in Sent) before any resend.
 *   With `sent_at` set, the SMTP server did accept it and only the Sent copy is pending.
 * - `sent`, `failed`: final.
 */
export type ClaimPhase = 'send' | 'resolve' | 'file';

export interface Claim {
  id: number;
  caseId: number;
  mailboxId: number;
  agentId: number | null;
  /** The fixed Message-ID header, angle brackets included. */
  messageId: string;
  mail: OutgoingMail;
  /** This claim included. */
  attempts: number;
  phase: ClaimPhase;
}

type OutboxRow = typeof outbox.$inferSelect;

function phaseOf(row: OutboxRow): ClaimPhase {
  if (row.status === 'queued') return 'send';
  return row.sentAt === null ? 'resolve' : 'file';
}

const iso = (at: Date) => at.toISOString();

/**
 * Takes due rows (queued, or sending with a lapsed lease) under the write lock: never twice. A
 * suspended (inactive) mailbox keeps its replies queued: an administrator stops a mailbox to stop
 * what leaves it, and its replies go out once it is active again.
 */
export function claimDue(db: Database, at: Date, leaseMs: number, limit: number, busy: ReadonlySet<number>): Claim[] {
  const leaseUntil = iso(new Date(at.getTime() + leaseMs));
  return db.sqlite
    .transaction(() => {
      const due = db.orm
        .select()
        .from(outbox)
        .where(
          and(
            inArray(outbox.status, ['queued', 'sending']),
            lte(outbox.nextAttemptAt, iso(at)),
            inArray(outbox.mailboxId, db.orm.select({ id: mailboxes.id }).from(mailboxes).where(eq(mailboxes.active, true))),
          ),
        )
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(limit)
        .all()
        .filter((row) => !busy.has(row.id));
      for (const row of due) {
        db.orm
          .update(outbox)
          .set({ status: 'sending', attempts: row.attempts + 1, nextAttemptAt: leaseUntil })
          .where(eq(outbox.id, row.id))
          .run();
      }
      return due.map((row) => ({
        id: row.id,
        caseId: row.caseId,
        mailboxId: row.mailboxId,
        agentId: row.agentId,
        messageId: row.messageIdHeader,
        mail: row.payload,
        attempts: row.attempts + 1,
        phase: phaseOf(row),
      }));
    })
    .immediate();
}

const whileSending = (id: number) => and(eq(outbox.id, id), eq(outbox.status, 'sending'));

export function renewLease(db: Database, id: number, until: Date): void {
  db.orm.update(outbox).set({ nextAttemptAt: iso(until) }).where(whileSending(id)).run();
}

/** The SMTP server said 250: from now on the message is never handed to it again. */
export function recordAccepted(db: Database, id: number, at: Date): void {
  db.orm.update(outbox).set({ sentAt: iso(at) }).where(whileSending(id)).run();
}

export function wasAccepted(db: Database, id: number): boolean {
  return db.orm.select({ sentAt: outbox.sentAt }).from(outbox).where(eq(outbox.id, id)).get()?.sentAt != null;
}

export interface SentRecord {
  /** Something the agent should know though the reply left (recipients refused, no Sent copy). */
  note: string | null;
  /** The raw source in the blob store, for the thread's "source" view. */
  raw: { storagePath: string; size: number } | null;
}

export function recordSent(db: Database, id: number, at: Date, record: SentRecord): void {
  db.sqlite.transaction(() => {
    const row = db.orm.select({ sentAt: outbox.sentAt }).from(outbox).where(whileSending(id)).get();
    if (!row) return;
    db.orm
      .update(outbox)
      .set({ status: 'sent', sentAt: row.sentAt ?? iso(at), lastError: record.note })
      .where(eq(outbox.id, id))
      .run();
    if (record.raw) {
      db.orm
        .update(messages)
        .set({ rawPath: record.raw.storagePath, rawSize: record.raw.size })
        .where(and(eq(messages.outboxId, id), isNull(messages.rawPath)))
        .run();
    }
  }).immediate();
}

/**
 * Tries again at `retryAt`. `queued` when the message certainly did not leave; `sending` when it
 * may have (or did, and only its Sent copy is missing), so that the next claim resolves it first.
 */
export function recordRetry(db: Database, id: number, next: { status: 'queued' | 'sending'; retryAt: Date; reason: string }): void {
  db.orm
    .update(outbox)
    .set({ status: next.status, nextAttemptAt: iso(next.retryAt), lastError: next.reason })
    .where(whileSending(id))
    .run();
}

export interface FailedReply {
  caseId: number;
  caseNumber: string;
}

/** Final: the reason stays on the row and in the case's history, where its agent will see it. */
export function recordFailed(db: Database, id: number, at: Date, reason: string): FailedReply | null {
  return db.sqlite
    .transaction(() => {
      const row = db.orm.select({ caseId: outbox.caseId }).from(outbox).where(whileSending(id)).get();
      if (!row) return null;
      db.orm.update(outbox).set({ status: 'failed', lastError: reason }).where(eq(outbox.id, id)).run();
      const theCase = db.orm.select({ number: cases.number, state: cases.state }).from(cases).where(eq(cases.id, row.caseId)).get();
      if (!theCase) return null;
      db.orm
        .insert(history)
        .values({
          caseId: row.caseId,
          action: 'reply_failed',
          stateBefore: theCase.state,
          stateAfter: theCase.state,
          at: iso(at),
          detail: { outboxId: id, reason },
        })
        .run();
      return { caseId: row.caseId, caseNumber: theCase.number };
    })
    .immediate();
}
