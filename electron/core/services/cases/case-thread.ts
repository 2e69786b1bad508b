import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { CaseMessage, HistoryEntry, NotepadEntry } from '../../../../shared/domain/case-detail';
import type { Database } from '../../db/database';
import type { MailAddress } from '../../db/tables/json-types';
import { agents, attachments, cases, history, messages, notepadEntries, outbox } from '../../db/schema';
import { sanitizeDisplayHtml } from '../../mail/html-sanitizer';
import { shownAddress } from '../../mail/sender-address';

const person = (id: number | null, displayName: string | null) =>
  id !== null && displayName !== null ? { id, displayName } : null;

/**
 * The thread in the order it happened, each message with its files and, for ours, its delivery. A
 * master's thread holds the messages of the cases merged into it, each saying which case it is from.
 */
export function caseMessages(db: Database, caseId: number, merged: readonly { id: number; number: string }[] = []): CaseMessage[] {
  const mergedById = new Map(merged.map((link) => [link.id, { id: link.id, number: link.number }]));
  const seen = alias(messages, 'seen');
  const rows = db.orm
    .select({ message: messages, authorName: agents.displayName, delivery: outbox.status, seenCaseId: cases.id, seenNumber: cases.number })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.authorId))
    .leftJoin(outbox, eq(outbox.id, messages.outboxId))
    .leftJoin(seen, eq(seen.id, messages.messageIdSeenOnId))
    .leftJoin(cases, eq(cases.id, seen.caseId))
    .where(inArray(messages.caseId, [caseId, ...mergedById.keys()]))
    .orderBy(asc(messages.date), asc(messages.id))
    .all();
  const files = filesByMessage(db, rows.map((r) => r.message.id));
  return rows.map(({ message: m, authorName, delivery, seenCaseId, seenNumber }) => ({
    id: m.id,
    direction: m.direction,
    ...sender(m.from),
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    date: m.date,
    text: m.text,
    html: m.html === null ? null : sanitizeDisplayHtml(m.html),
    attachReason: m.attachReason,
    replyTo: m.replyTo.map((address) => ({ ...address, address: shownAddress(address.address).address })),
    messageIdSeenOn: seenCaseId !== null && seenNumber !== null ? { caseId: seenCaseId, number: seenNumber } : null,
    author: person(m.authorId, authorName),
    delivery: delivery ?? null,
    attachments: files.get(m.id) ?? [],
    hasSource: m.rawPath !== null,
    mergedFrom: mergedById.get(m.caseId) ?? null,
  }));
}

/** The sender as the header shows it: its domain in punycode, and a warning for a look-alike (sender-address.ts). */
function sender(from: MailAddress): Pick<CaseMessage, 'from' | 'senderWarning'> {
  const { address, warning } = shownAddress(from.address);
  return { from: { ...from, address }, senderWarning: warning };
}

function filesByMessage(db: Database, messageIds: number[]) {
  const byMessage = new Map<number, CaseMessage['attachments']>();
  if (messageIds.length === 0) return byMessage;
  const rows = db.orm
    .select()
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .orderBy(asc(attachments.id))
    .all();
  for (const file of rows) {
    const list = byMessage.get(file.messageId as number) ?? [];
    const { id, displayName, mediaType, size, sha256, contentId } = file;
    list.push({ id, displayName, mediaType, size, sha256, contentId });
    byMessage.set(file.messageId as number, list);
  }
  return byMessage;
}

export function caseNotepad(db: Database, caseId: number): NotepadEntry[] {
  return db.orm
    .select({ entry: notepadEntries, name: agents.displayName })
    .from(notepadEntries)
    .leftJoin(agents, eq(agents.id, notepadEntries.agentId))
    .where(eq(notepadEntries.caseId, caseId))
    .orderBy(asc(notepadEntries.createdAt), asc(notepadEntries.id))
    .all()
    .map(({ entry, name }) => ({
      id: entry.id,
      agent: person(entry.agentId, name),
      text: entry.text,
      createdAt: entry.createdAt,
    }));
}

export function caseHistory(db: Database, caseId: number): HistoryEntry[] {
  return db.orm
    .select({ entry: history, name: agents.displayName })
    .from(history)
    .leftJoin(agents, eq(agents.id, history.agentId))
    .where(eq(history.caseId, caseId))
    .orderBy(asc(history.id))
    .all()
    .map(({ entry, name }) => ({
      id: entry.id,
      agent: person(entry.agentId, name),
      action: entry.action,
      stateBefore: entry.stateBefore,
      stateAfter: entry.stateAfter,
      at: entry.at,
      detail: entry.detail,
    }));
}
