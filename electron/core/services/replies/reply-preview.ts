import type { PreviewSender, ReplyPreview } from '../../../../shared/contract/calls/replies';
import type { Reply } from '../../../../shared/domain/reply';
import type { Database } from '../../db/database';
import type { MailAddress } from '../../db/schema';
import { sanitizeReplyHtml } from '../../mail/html-sanitizer';
import { buildOutgoingMail, type SendingMailbox } from '../../mail/outgoing-message';
import { invalidField } from '../access';
import type { CaseRow } from '../cases/case-rows';
import type { CaseActor } from '../cases/case-scope';
import { replySource } from '../cases/outgoing-reply';
import { assertRecipientAllowed } from '../cases/recipient-check';
import { resolveSendingMailbox, type SendingResolution } from '../cases/sending-mailbox';

/** Not a real identity: the preview is never sent, and the Message-ID is not shown. */
const previewMessageId = '<preview@unified.invalid>';

/**
 * Builds the body when no mailbox is chosen yet: the preview still shows what the contact would
 * read, and its sender says what to set. Its address appears nowhere (the From is not shown).
 */
const unsetMailbox: SendingMailbox = { id: 0, address: 'aucune@unified.invalid', senderName: '' };

/**
 * The message a reply action would put in the outbox now, through the same `replySource` and
 * `buildOutgoingMail` as `queueReply`: the mailbox it leaves from, the agent's signature, the
 * quoted last incoming message. A To the agent may not choose is refused now rather than at the
 * send; a missing sending mailbox is not a refusal here: the preview says so beside the message.
 */
export function previewReply(db: Database, row: CaseRow, reply: Reply, actor: CaseActor): ReplyPreview {
  const { to } = reply;
  if (!to) throw invalidField('reply.to.address', 'Indiquez l’adresse e-mail à laquelle envoyer la réponse.');
  // As `applyAction` does before sending: the sanitised body is what is checked and sent.
  const safe = { ...reply, to, html: sanitizeReplyHtml(reply.html) };
  assertRecipientAllowed(db, row, safe, actor);
  const sending = resolveSendingMailbox(db, row.queueId);
  const mailbox = sending.kind === 'found' ? sending.mailbox : unsetMailbox;
  const mail = buildOutgoingMail(replySource(db, row, mailbox, { ...safe, authorId: actor.id }, previewMessageId));
  const file = ({ displayName, size, mediaType }: Reply['attachments'][number]) => ({ displayName, size, mediaType });
  return {
    sender: senderOf(sending, mail.from),
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    subject: mail.subject,
    html: mail.html,
    // Every staged file goes out (`composeMessage`): those with a Content-ID as inline parts.
    attachments: reply.attachments.filter((staged) => !staged.contentId).map(file),
    inlineImages: reply.attachments.flatMap((staged) => (staged.contentId ? [{ ...file(staged), contentId: staged.contentId }] : [])),
  };
}

function senderOf(sending: SendingResolution, from: MailAddress): PreviewSender {
  return sending.kind === 'found' ? { kind: sending.origin, from } : { kind: 'none', message: sending.message };
}
