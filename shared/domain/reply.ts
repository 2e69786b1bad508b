import { z } from 'zod';
import { stagedAttachmentSchema } from './attachment';
import { normalizeEmail, requiredEmail } from './field-rules';
import { singleLineText } from './text-rules';

/** A recipient as the composer sends it: an address, and the name picked from the address book. */
export const mailAddressSchema = z.object({
  name: singleLineText(200).optional(),
  address: requiredEmail,
});
export type MailAddressInput = z.output<typeof mailAddressSchema>;

/** Beyond this, a reply is a mailing: the composer is not the tool for it. */
export const maxRecipients = 100;
export const maxReplyAttachments = 50;
/** Inline images travel as `cid:` attachments, so the HTML itself stays small. */
export const maxReplyHtml = 1_000_000;

/**
 * Above this many bytes of files (inline images included), a reply risks being refused: most mail
 * servers take 25 MB per message, and base64 makes files a third bigger on the wire (18 MB of files
 * is about 24.6 MB sent). The composer warns before sending more; the agent may still insist, since
 * the contact's server may take it.
 */
export const replyFilesWarningBytes = 18 * 1024 * 1024;

/** The bytes of files a reply carries: what the size warning compares. */
export function replyFilesBytes(files: readonly { size: number }[]): number {
  return files.reduce((total, file) => total + file.size, 0);
}

const recipientList = z
  .array(mailAddressSchema)
  .max(maxRecipients, { error: `${maxRecipients} destinataires au maximum.` })
  .default([]);

export interface ReplyRecipients {
  to?: MailAddressInput | undefined;
  cc: MailAddressInput[];
  bcc: MailAddressInput[];
}

/**
 * Seed "Traiter un e-mail": A, CC and BCC ignore case, so `A@x.fr` and `a@x.fr` are one address,
 * kept once, where it first appears in the order To, CC, BCC (the most visible place wins: a
 * contact in To is never also hidden in BCC).
 */
export function withDistinctRecipients<T extends ReplyRecipients>(reply: T): T {
  const seen = new Set<string>();
  const firstTime = (recipient: MailAddressInput) => {
    const key = normalizeEmail(recipient.address);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  if (reply.to) firstTime(reply.to);
  return { ...reply, cc: reply.cc.filter(firstTime), bcc: reply.bcc.filter(firstTime) };
}

/**
 * A reply as the composer sends it with an action (PRODUCT.md "Replying"). `to` may be missing from a
 * draft; the case machine refuses a reply action without it. Changing `to` away from the contact's
 * address needs the `change_recipient` right: the core checks it, the schema cannot.
 * Attachments were uploaded first (`attachments.uploadStart` … `uploadFinish`) and are referred to by SHA-256.
 */
export const replyInputSchema = z
  .object({
    to: mailAddressSchema.optional(),
    cc: recipientList,
    bcc: recipientList,
    /** Rich text from the editor; the core sanitises it before storing or sending anything. */
    html: z.string().max(maxReplyHtml, { error: 'La réponse est trop longue.' }).default(''),
    attachments: z
      .array(stagedAttachmentSchema)
      .max(maxReplyAttachments, { error: `${maxReplyAttachments} pièces jointes au maximum.` })
      .default([]),
  })
  .transform(withDistinctRecipients);
export type ReplyInput = z.input<typeof replyInputSchema>;
export type Reply = z.output<typeof replyInputSchema>;
