import { eq } from 'drizzle-orm';
import type { StagedAttachment } from '../../../../shared/domain/attachment';
import type { Database } from '../../db/database';
import { agents, messages, outbox, type MailAddress } from '../../db/schema';
import { buildOutgoingMail, newMessageId, type OutgoingSource, type SendingMailbox } from '../../mail/outgoing-message';
import type { BlobStore } from '../../storage/blob-store';
import { insertResponseFiles, moveFilesToMessage, outgoingFiles } from './attachment-rows';
import type { CaseRow } from './case-rows';
import { lastIncoming } from './last-incoming';
import { sendingMailbox } from './sending-mailbox';

/** A reply ready to go: typed by the agent with this action, or held since its submission. */
export interface ReplyToSend {
  to: MailAddress;
  cc: MailAddress[];
  bcc: MailAddress[];
  /** Already sanitised. */
  html: string;
  /** Whose words these are: their signature goes under them. */
  authorId: number;
  files: { kind: 'staged'; staged: readonly StagedAttachment[] } | { kind: 'held'; attachmentIds: readonly number[] };
}

export interface QueuedReply {
  messageId: number;
  outboxId: number;
}

/**
 * Writes the outgoing message of the thread, its files and the outbox row that sends it, in the
 * caller's transaction (PRODUCT.md: "written in the same transaction as the action"). `notifyAgentId`
 * is told if the reply finally fails.
 */
export function queueReply(
  db: Database,
  blobs: BlobStore,
  request: { row: CaseRow; reply: ReplyToSend; notifyAgentId: number; at: string },
): QueuedReply {
  const { row, reply, at } = request;
  const mailbox = sendingMailbox(db, row.queueId);
  const messageIdHeader = newMessageId(row.number, mailbox.address);
  const mail = buildOutgoingMail(replySource(db, row, mailbox, reply, messageIdHeader));
  const messageId = db.orm
    .insert(messages)
    .values({
      caseId: row.id,
      direction: 'out',
      messageIdHeader,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      from: mail.from,
      to: mail.to,
      cc: mail.cc,
      bcc: mail.bcc,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      date: at,
      authorId: reply.authorId,
      createdAt: at,
    })
    .returning({ id: messages.id })
    .get().id;
  attachFiles(db, blobs, { caseId: row.id, messageId, at }, reply.files);
  const payload = { ...mail, attachments: outgoingFiles(db, messageId) };
  const outboxId = db.orm
    .insert(outbox)
    .values({
      caseId: row.id,
      mailboxId: mailbox.id,
      agentId: request.notifyAgentId,
      kind: 'reply',
      messageIdHeader,
      status: 'queued',
      payload,
      nextAttemptAt: at,
      createdAt: at,
    })
    .returning({ id: outbox.id })
    .get().id;
  db.orm.update(messages).set({ outboxId }).where(eq(messages.id, messageId)).run();
  return { messageId, outboxId };
}

/**
 * Everything the outgoing message is built from, read now: `queueReply` and the preview
 * (`replies.preview`) both build from it, so what the agent previews is what the contact gets.
 */
export function replySource(
  db: Database,
  row: CaseRow,
  mailbox: SendingMailbox,
  reply: Omit<ReplyToSend, 'files'>,
  messageId: string,
): OutgoingSource {
  return {
    caseNumber: row.number,
    caseSubject: row.subject,
    mailbox,
    signatureHtml: signatureOf(db, reply.authorId),
    answering: lastIncoming(db, row.id),
    reply,
    attachments: [],
    messageId,
  };
}

function attachFiles(
  db: Database,
  blobs: BlobStore,
  target: { caseId: number; messageId: number; at: string },
  files: ReplyToSend['files'],
): void {
  if (files.kind === 'staged') insertResponseFiles(db, blobs, target, files.staged);
  else moveFilesToMessage(db, target.caseId, files.attachmentIds, target.messageId);
}

function signatureOf(db: Database, agentId: number): string {
  return db.orm.select({ html: agents.signatureHtml }).from(agents).where(eq(agents.id, agentId)).get()?.html ?? '';
}
