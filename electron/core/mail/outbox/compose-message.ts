import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import MailComposer, { type MailComposerAttachment } from 'nodemailer/lib/mail-composer';
import type { MailAddress, OutgoingAttachment, OutgoingMail } from '../../db/tables/json-types';
import { reversePathOf } from '../automatic-message';

/** A file of the reply is gone or lies outside the data folder: resending will not bring it back. */
export class AttachmentUnavailable extends Error {
  constructor(readonly filename: string) {
    super(`la pièce jointe « ${filename} » est introuvable dans le dossier des données`);
    this.name = 'AttachmentUnavailable';
  }
}

/**
 * Headers the frozen payload may not set: they come from its typed fields and the row's fixed
 * Message-ID, so that a stray `headers` entry can never send a second, different identity.
 */
const reservedHeaders = new Set([
  'message-id', 'from', 'sender', 'to', 'cc', 'bcc', 'subject', 'date', 'in-reply-to', 'references',
  'mime-version', 'content-type', 'content-transfer-encoding',
]);

const formatAddress = (address: MailAddress) => ({ name: address.name ?? '', address: address.address });

export function extraHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !reservedHeaders.has(name.toLowerCase())));
}

/** Attachment paths are relative to the data folder and must stay inside it. */
export function attachmentPath(dataDir: string, file: OutgoingAttachment): string {
  const root = path.resolve(dataDir);
  const full = path.resolve(root, file.path);
  if (path.isAbsolute(file.path) || !full.startsWith(root + path.sep)) throw new AttachmentUnavailable(file.filename);
  return full;
}

async function attachment(dataDir: string, file: OutgoingAttachment): Promise<MailComposerAttachment> {
  const full = attachmentPath(dataDir, file);
  await access(full, constants.R_OK).catch(() => {
    throw new AttachmentUnavailable(file.filename);
  });
  // `path`, not `content`: nodemailer streams the file while it writes the message.
  const base = { filename: file.filename, contentType: file.mediaType, path: full };
  return file.contentId ? { ...base, cid: file.contentId, contentDisposition: 'inline' } : base;
}

/**
 * The MIME message of a frozen reply: HTML and its text alternative, inline images as `cid:`
 * parts, files streamed from disk. BCC goes in the envelope only, never in a header the other
 * recipients would read. Remote URLs are refused: the message holds only what the agent saw.
 */
export async function composeMessage(mail: OutgoingMail, messageId: string, date: Date, dataDir: string): Promise<Readable> {
  const attachments = await Promise.all(mail.attachments.map((file) => attachment(dataDir, file)));
  const composer = new MailComposer({
    from: formatAddress(mail.from),
    to: mail.to.map(formatAddress),
    cc: mail.cc.map(formatAddress),
    subject: mail.subject,
    messageId,
    date,
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references.length > 0 ? { references: mail.references } : {}),
    headers: extraHeaders(mail.headers),
    text: mail.text,
    html: mail.html,
    attachments,
    disableUrlAccess: true,
    // CRLF everywhere, as SMTP and IMAP store it: the spooled bytes are then the very bytes
    // the server and the Sent folder keep (a bare LF would be rewritten on the way).
    newline: 'windows',
  });
  return composer.compile().createReadStream();
}

/**
 * Every address of To, CC and BCC once, whatever its case (PRODUCT.md: `A@x.fr` and `a@x.fr` are one);
 * from the mailbox, or from the null sender `<>` for an automatic message (see automatic-message).
 */
export function envelopeOf(mail: OutgoingMail): { from: string; to: string[] } {
  const seen = new Set<string>();
  const to: string[] = [];
  for (const { address } of [...mail.to, ...mail.cc, ...mail.bcc]) {
    const key = address.trim().toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      to.push(address.trim());
    }
  }
  return { from: reversePathOf(mail), to };
}
