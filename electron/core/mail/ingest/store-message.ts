import { attachments, messages } from '../../db/schema';
import { safeFileName } from '../../../../shared/domain/file-name';
import type { Arrival, Filing } from './arrival';
import { storedInstant } from './mail-date';
import type { AttachReason } from './thread-matcher';

/** Why the message is in its case: a thread match, or `new_case` for the message that opened it. */
export type StoredReason = AttachReason | 'new_case';

/**
 * Appends an incoming message and its attachments to a case. The files are already in the blob
 * store (the sync writes them before filing): only their paths are recorded here.
 */
export function storeIncomingMessage(filing: Filing, arrival: Arrival, caseId: number, reason: StoredReason): number {
  const { db, blobPath } = filing;
  const { mail } = arrival;
  const createdAt = filing.now.toISOString();
  const row = {
    caseId,
    direction: 'in' as const,
    messageIdHeader: arrival.key.header,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    // As written; the contact may have been found by Reply-To (contact-address.ts), shown beside it.
    from: mail.from?.address.trim() ? mail.from : arrival.sender,
    to: mail.to,
    cc: mail.cc,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: storedInstant(mail.date, filing.now),
    mailboxId: mail.mailboxId,
    folder: mail.folder,
    uidValidity: mail.uidValidity,
    uid: mail.uid,
    attachReason: reason,
    autoSubmitted: arrival.automatic !== null,
    rawSize: mail.rawSize,
    rawPath: blobPath(mail.rawSha256),
    rawSha256: mail.rawSha256,
    messageIdSeenOnId: arrival.messageIdSeenOnId,
    createdAt,
  };
  const messageId = db.orm.insert(messages).values(row).returning({ id: messages.id }).get().id;
  const files = mail.attachments.map((file) => ({
    caseId,
    messageId,
    kind: 'mail' as const,
    sha256: file.sha256,
    size: file.size,
    mediaType: file.mediaType,
    // Names come from the sender: made safe here whatever the parser did.
    displayName: safeFileName(file.displayName),
    storagePath: blobPath(file.sha256),
    contentId: file.contentId ?? null,
    createdAt,
  }));
  if (files.length > 0) db.orm.insert(attachments).values(files).run();
  return messageId;
}
