import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { MailAddress } from '../../db/tables/json-types';
import type { IncomingMail } from '../incoming-mail';

/**
 * Why a message was written by a machine rather than a person. Such a message never reopens a case
 * and is never answered (PRODUCT.md "Incoming messages": auto-replies never reopen a case and are never
 * answered; mail loops are stopped). A person's message has no kind: `automaticKind` returns null.
 */
export type AutomaticKind =
  /** From one of our own mailboxes, or carrying our own marker: answering it would loop. */
  | 'loop'
  /** A delivery status notification (RFC 3464): sent with an empty return path. */
  | 'bounce'
  /** An out-of-office or other responder (RFC 3834). */
  | 'auto_reply'
  /** Newsletters and other mass mailings (Precedence, RFC 2076). */
  | 'bulk'
  /** Mail relayed by a list manager (List-Id, RFC 2919). */
  | 'mailing_list'
  /** The sender asks for no automatic answer (Microsoft's X-Auto-Response-Suppress): in practice a
   *  ticketing or notification system, whose messages are no more a person's than an auto-reply. */
  | 'no_auto_response';

type Headers = IncomingMail['headers'];
/** What decides it: the sender and the headers, which an over-size message has too (headers only). */
type Written = Pick<IncomingMail, 'from' | 'replyTo' | 'headers'>;

/**
 * The address a message is from: Reply-To stands in when From is missing or has no address
 * (RFC 5322 §3.6.2); null when neither gives one, and such a message cannot name its contact.
 */
export const senderOf = (mail: Pick<IncomingMail, 'from' | 'replyTo'>): MailAddress | null =>
  [mail.from, ...mail.replyTo].find((candidate) => candidate?.address.trim()) ?? null;

/** `auto-replied; owner-email=…` → `auto-replied`: parameters never change the verdict. */
const keyword = (value: string | undefined) => (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** RFC 3834 §5.1: any value but `no` marks a message generated automatically. */
const isAutoSubmitted = (headers: Headers) => headers.autoSubmitted !== undefined && keyword(headers.autoSubmitted) !== 'no';

/** Legacy responders (vacation, procmail) set X-Autoreply without Auto-Submitted. */
const isXAutoreply = (headers: Headers) => headers.xAutoreply !== undefined && keyword(headers.xAutoreply) !== 'no';

/** MS-OXCMAIL §2.2.3.2.14: a comma-separated list; only these values concern automatic replies. */
const suppressesAutoReplies = (headers: Headers) =>
  (headers.xAutoResponseSuppress ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .some((value) => value === 'all' || value === 'oof' || value === 'autoreply');

/**
 * RFC 3464 §2 and RFC 5321 §4.5.5: notifications are sent with the null reverse-path `<>`. Some
 * servers do not add Return-Path at delivery, so MAILER-DAEMON as sender counts too.
 */
function isBounce(mail: Written, sender: string | null): boolean {
  const returnPath = mail.headers.returnPath?.trim();
  if (returnPath === '<>' || returnPath === '') return true;
  return sender !== null && sender.split('@')[0] === 'mailer-daemon';
}

/**
 * The kind of machine that wrote `mail`, or null for a person. `ownAddresses`: the addresses of
 * the centre's mailboxes, normalised (`normalizeEmail`).
 */
export function automaticKind(mail: Written, ownAddresses: ReadonlySet<string>): AutomaticKind | null {
  const from = senderOf(mail);
  const sender = from ? normalizeEmail(from.address) : null;
  const { headers } = mail;
  if ((sender !== null && ownAddresses.has(sender)) || headers.xUnifiedCase?.trim()) return 'loop';
  if (isBounce(mail, sender)) return 'bounce';
  const precedence = keyword(headers.precedence);
  if (isAutoSubmitted(headers) || isXAutoreply(headers) || precedence === 'auto_reply') return 'auto_reply';
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return 'bulk';
  if (headers.listId?.trim()) return 'mailing_list';
  if (suppressesAutoReplies(headers)) return 'no_auto_response';
  return null;
}
