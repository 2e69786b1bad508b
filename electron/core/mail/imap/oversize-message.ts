import { simpleParser } from 'mailparser';
import type { MailAddress } from '../../db/tables/json-types';
import type { BlobStore } from '../../storage/blob-store';
import type { IncomingMail } from '../incoming-mail';
import { decisionHeaders } from '../mime/header-values';
import { firstAddress, toAddresses } from '../mime/mime-addresses';

/**
 * A message too large to download. It is not lost: the sink quarantines it with its headers (so
 * a supervisor sees who sent what, and can fetch it by other means), and the sync reports it, so
 * that the sender can be told the message was not received.
 */
export interface OversizeReport {
  mailboxId: number;
  folder: string;
  uidValidity: number;
  uid: number;
  size: number;
  limit: number;
  from: MailAddress | null;
  replyTo: MailAddress[];
  subject: string;
  messageId: string | null;
  /** The headers that tell a machine's message (auto-replies, bounces, lists): such a sender is never told. */
  headers: IncomingMail['headers'];
  /** The headers in the blob store: the quarantine entry's "source". */
  headersSha256: string;
  reason: string;
}

export const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;

export interface OversizeInput {
  mailboxId: number;
  folder: string;
  uidValidity: number;
  uid: number;
  size: number;
  limit: number;
  /** BODY.PEEK[HEADER]; empty if the server sent none. */
  headers: Buffer;
}

export async function describeOversize(input: OversizeInput, blobs: BlobStore): Promise<OversizeReport> {
  const { headers, ...where } = input;
  const stored = await blobs.put(headers);
  // Headers alone parse quickly; a broken header block only leaves the fields empty.
  const parsed = await simpleParser(headers).catch(() => null);
  return {
    ...where,
    from: firstAddress(parsed?.from),
    replyTo: toAddresses(parsed?.replyTo),
    subject: parsed?.subject ?? '',
    messageId: parsed?.messageId ?? null,
    headers: parsed ? decisionHeaders(parsed.headerLines) : {},
    headersSha256: stored.sha256,
    reason: `Message trop volumineux (${megabytes(input.size)}, limite ${megabytes(input.limit)}) : non téléchargé, en-têtes seuls conservés.`,
  };
}
