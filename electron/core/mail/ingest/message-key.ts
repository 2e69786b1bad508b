import { createHash } from 'node:crypto';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { IncomingMail } from '../incoming-mail';

/**
 * What identifies a message across UIDVALIDITY changes, stored in `messages.message_id_header`:
 * its Message-ID, or, when it has none (RFC 5322 §3.6.4 only says SHOULD), a SHA-256 of headers a
 * server does not rewrite, written `<sha256.HEX@unified.invalid>`. The `.invalid` top-level domain
 * is reserved (RFC 2606 §2): no real Message-ID can ever collide with it.
 */
export type MessageKey = { kind: 'message_id'; header: string } | { kind: 'synthetic'; header: string };

const syntheticDomain = 'unified.invalid';

type KeyedMail = Pick<IncomingMail, 'messageId' | 'from' | 'date' | 'subject' | 'to'>;

export function messageKey(mail: KeyedMail): MessageKey {
  const messageId = mail.messageId?.trim();
  if (messageId) return { kind: 'message_id', header: messageId };
  // `date` is the Date header, or the server's internal date, which a mailbox migration keeps.
  const stable = JSON.stringify([
    mail.from ? normalizeEmail(mail.from.address) : '',
    mail.date,
    mail.subject,
    mail.to.map((recipient) => normalizeEmail(recipient.address)).sort(),
  ]);
  const hash = createHash('sha256').update(stable).digest('hex');
  return { kind: 'synthetic', header: `<sha256.${hash}@${syntheticDomain}>` };
}

/** Whether a stored `message_id_header` is one of our keys rather than a Message-ID others know. */
export const isSyntheticKey = (header: string) => header.endsWith(`@${syntheticDomain}>`);

/** A real Message-ID to answer (In-Reply-To); a synthetic key means nobody else knows the message. */
export const answerableId = (key: MessageKey): string | null => (key.kind === 'message_id' ? key.header : null);
