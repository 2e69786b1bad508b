import type { ReplyToPolicy } from '../../../../shared/domain/admin/settings-schema';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { MailAddress } from '../../db/tables/json-types';
import type { IncomingMail } from '../incoming-mail';
import { isNoReplyAddress } from './no-reply-address';

type Addressed = Pick<IncomingMail, 'from' | 'replyTo'>;

const usable = (address: MailAddress | null | undefined): address is MailAddress => Boolean(address?.address.trim());

/**
 * The address a message's contact is found or created by, and the acknowledgement goes to. From,
 * unless the administrator's rule (`replyToPolicy`, settings) takes Reply-To: by default only when
 * From is a no-reply address (a web form mails from one, with its customer in Reply-To); `always`;
 * or `never`. Reply-To still stands in for a missing From (RFC 5322 §3.6.2). One of the centre's own
 * addresses in Reply-To is passed over: a case is never the centre's own. Null: nobody to file it for.
 */
export function contactAddressOf(mail: Addressed, policy: ReplyToPolicy, own: ReadonlySet<string>): MailAddress | null {
  const from = usable(mail.from) ? mail.from : null;
  const replyTo = mail.replyTo.find((candidate) => usable(candidate) && !own.has(normalizeEmail(candidate.address))) ?? null;
  const takesReplyTo = policy === 'always' || (policy === 'noreply_only' && from !== null && isNoReplyAddress(from.address));
  return (takesReplyTo ? (replyTo ?? from) : (from ?? replyTo)) ?? mail.replyTo.find(usable) ?? null;
}
