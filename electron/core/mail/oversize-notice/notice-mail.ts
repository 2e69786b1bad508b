import { randomBytes } from 'node:crypto';
import type { MailAddress, OutgoingMail } from '../../db/tables/json-types';
import { textToHtml } from '../../services/templates/html-text';
import { automaticHeaders } from '../automatic-message';
import { megabytes, type OversizeReport } from '../imap/oversize-message';

export interface NoticeSender {
  id: number;
  address: string;
  senderName: string;
}

/**
 * `<ud.notice.<random>@domain>`: ours, like every Message-ID we write, but naming no case (the
 * message was never filed in one), so an answer to it opens a new case rather than joining one.
 */
export function noticeMessageId(senderAddress: string): string {
  const domain = senderAddress.split('@').pop() || 'unified.invalid';
  return `<ud.notice.${randomBytes(12).toString('hex')}@${domain}>`;
}

/**
 * The notice an over-size message's sender gets (issue 4: "its sender told, not lost"): what was
 * not received, why, and what to do, in French like everything the centre writes. Threaded under
 * their message so that their client shows it beside what they sent.
 */
export function oversizeNoticeMail(report: OversizeReport, to: MailAddress, mailbox: NoticeSender, messageId: string): OutgoingMail {
  const subject = report.subject.trim() || '(sans objet)';
  const text = [
    'Bonjour,',
    '',
    `Votre message « ${subject} » est trop volumineux pour notre messagerie (${megabytes(report.size)}, ` +
      `limite ${megabytes(report.limit)}) : nous ne l’avons pas reçu.`,
    '',
    'Merci de nous l’envoyer à nouveau avec des pièces jointes plus légères, ou réparties sur plusieurs messages.',
    '',
    'Ce message vous est envoyé automatiquement.',
    mailbox.senderName,
  ].join('\n');
  return {
    mailboxId: mailbox.id,
    from: { name: mailbox.senderName, address: mailbox.address },
    to: [to],
    cc: [],
    bcc: [],
    subject: `Message non reçu : ${subject}`,
    html: textToHtml(text),
    text,
    inReplyTo: report.messageId,
    references: report.messageId ? [report.messageId] : [],
    headers: { 'Message-ID': messageId, ...automaticHeaders },
    attachments: [],
  };
}
