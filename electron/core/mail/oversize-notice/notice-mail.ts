import type { MailAddress, OutgoingMail } from '../../db/tables/json-types';
import { textToHtml } from '../../services/templates/html-text';
import { automaticHeaders } from '../automatic-message';
import { frenchSize } from '../imap/oversize-message';
import type { IncomingMail } from '../incoming-mail';

export interface NoticeSender {
  id: number;
  address: string;
  senderName: string;
}

/** What the notice answers: the over-size message, as filed from its headers. */
export type Answered = Pick<IncomingMail, 'subject' | 'messageId' | 'references'> & { tooLarge: { size: number; limit: number } };

/** References carried on, as RFC 5322 §3.6.4 asks, but bounded: a hostile message may carry thousands. */
const maxReferences = 20;

/**
 * The notice an over-size message's sender gets (issue 4: "its sender told, not lost"): what was
 * not received, why, and what to do, in French like everything the centre writes. Threaded under
 * their message so that their client shows it beside what they sent; its Message-ID names the case
 * (`newMessageId`), so that the lighter message they send back joins it.
 */
export function oversizeNoticeMail(answered: Answered, to: MailAddress, mailbox: NoticeSender, caseNumber: string, messageId: string): OutgoingMail {
  const subject = answered.subject.trim() || '(sans objet)';
  const { size, limit } = answered.tooLarge;
  const text = [
    'Bonjour,',
    '',
    `Votre message « ${subject} » est trop volumineux pour notre messagerie (${frenchSize(size)}, ` +
      `limite ${frenchSize(limit)}) : nous ne l’avons pas reçu.`,
    '',
    'Merci de nous l’envoyer à nouveau avec des pièces jointes plus légères, ou réparties sur plusieurs messages.',
    '',
    'Ce message vous est envoyé automatiquement.',
    mailbox.senderName,
  ].join('\n');
  const parent = answered.messageId;
  return {
    mailboxId: mailbox.id,
    from: { name: mailbox.senderName, address: mailbox.address },
    to: [to],
    cc: [],
    bcc: [],
    subject: `Message non reçu : ${subject}`,
    html: textToHtml(text),
    text,
    inReplyTo: parent,
    references: parent ? [...answered.references.slice(1 - maxReferences), parent] : [],
    headers: { 'Message-ID': messageId, 'X-Unified-Case': caseNumber, ...automaticHeaders },
    attachments: [],
  };
}
