import type { ReplyPreview } from '../../../../shared/contract/calls/replies';
import type { Reply } from '../../../../shared/domain/reply';
import type { Database } from '../../db/database';
import { sanitizeReplyHtml } from '../../mail/html-sanitizer';
import { buildOutgoingMail } from '../../mail/outgoing-message';
import { invalidField } from '../access';
import type { CaseRow } from '../cases/case-rows';
import type { CaseActor } from '../cases/case-scope';
import { replySource } from '../cases/outgoing-reply';
import { assertRecipientAllowed } from '../cases/recipient-check';
import { sendingMailbox } from '../cases/sending-mailbox';

/** Not a real identity: the preview is never sent, and the Message-ID is not shown. */
const previewMessageId = '<preview@unified.invalid>';

/**
 * The message a reply action would put in the outbox now, through the same `replySource` and
 * `buildOutgoingMail` as `queueReply`: the mailbox it leaves from, the agent's signature, the
 * quoted last incoming message. The same refusals as sending (no mailbox, a To the agent may not
 * choose) come now rather than at the send.
 */
export function previewReply(db: Database, row: CaseRow, reply: Reply, actor: CaseActor): ReplyPreview {
  const { to } = reply;
  if (!to) throw invalidField('reply.to.address', 'Indiquez l’adresse e-mail à laquelle envoyer la réponse.');
  // As `applyAction` does before sending: the sanitised body is what is checked and sent.
  const safe = { ...reply, to, html: sanitizeReplyHtml(reply.html) };
  assertRecipientAllowed(db, row, safe, actor);
  const mailbox = sendingMailbox(db, row.queueId);
  const mail = buildOutgoingMail(replySource(db, row, mailbox, { ...safe, authorId: actor.id }, previewMessageId));
  const file = ({ displayName, size, mediaType }: Reply['attachments'][number]) => ({ displayName, size, mediaType });
  return {
    from: mail.from,
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
