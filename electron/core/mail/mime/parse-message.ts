import { simpleParser, type ParsedMail } from 'mailparser';
import type { Clock } from '../../ports';
import type { BlobStore } from '../../storage/blob-store';
import type { IncomingMail } from '../incoming-mail';
import { decisionHeaders, rawHeader } from './header-values';
import { withoutMboxEnvelope } from './mbox-envelope';
import { firstAddress, toAddresses } from './mime-addresses';
import { messageDate } from './message-date';
import { notAMessage } from './message-shape';
import { repairCharsets } from './repair-charsets';
import { storeAttachments } from './store-attachments';

/** Where a source came from on the server: what makes it unique, and when the server got it. */
export interface MessageOrigin {
  mailboxId: number;
  folder: string;
  uidValidity: number;
  uid: number;
  /** INTERNALDATE (RFC 3501 §2.3.3): the fallback when the Date header is missing or absurd. */
  internalDate: Date | null;
}

export interface ParseDeps {
  blobs: BlobStore;
  clock: Clock;
}

/** A parsed message ready for filing, or a source to quarantine (kept in the blob store). */
export type ParsedSource =
  | { kind: 'mail'; mail: IncomingMail }
  | { kind: 'unparseable'; rawSha256: string; reason: string };

const parserOptions = {
  // Keep `cid:` links: the thread view resolves them to the stored inline parts. Without this,
  // mailparser inlines every image into the HTML as a data: URL.
  keepCidLinks: true,
  // Neither is used; both cost time, and MIME parsing is already the slowest step of ingest.
  skipTextToHtml: true,
  skipImageLinks: true,
};

/** RFC 5322 §3.6.4: msg-id is `<id-left@id-right>`; some senders forget the brackets. */
const bracketed = (id: string | undefined): string | null => {
  const trimmed = id?.trim();
  if (!trimmed) return null;
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
};

const asList = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map((id) => bracketed(id)).filter((id): id is string => id !== null);

/** In-Reply-To may list several ids (RFC 5322 §3.6.4); threading wants the first. */
const firstId = (value: string | undefined) => bracketed(value?.match(/<[^>]*>/)?.[0] ?? value);

function toIncomingMail(
  parsed: ParsedMail,
  origin: MessageOrigin,
  raw: { sha256: string; size: number },
  now: Date,
): Omit<IncomingMail, 'attachments'> {
  const { internalDate, ...where } = origin;
  return {
    ...where,
    messageId: bracketed(parsed.messageId),
    inReplyTo: firstId(parsed.inReplyTo),
    references: asList(parsed.references),
    from: firstAddress(parsed.from),
    replyTo: toAddresses(parsed.replyTo),
    to: toAddresses(parsed.to),
    cc: toAddresses(parsed.cc),
    subject: parsed.subject?.trim() ?? '',
    date: messageDate(rawHeader(parsed.headerLines, 'date'), internalDate, now),
    text: parsed.text ?? null,
    html: parsed.html || null,
    headers: decisionHeaders(parsed.headerLines),
    rawSha256: raw.sha256,
    rawSize: raw.size,
  };
}

/**
 * Turns one raw source into an `IncomingMail`. The source and the attachments go to the blob
 * store first (filing refers to them; no I/O inside its transaction). A source that cannot be
 * parsed comes back as `unparseable` with its reason, never as an exception: a quarantine entry
 * must keep it visible. Storage failures (disk full) do throw: retrying later is the right answer.
 */
export async function parseMessage(raw: Buffer, origin: MessageOrigin, deps: ParseDeps): Promise<ParsedSource> {
  const stored = await deps.blobs.put(raw);
  // The source is kept as received; what is parsed is the message under an mbox envelope line.
  const message = withoutMboxEnvelope(raw);
  const refusal = notAMessage(message);
  if (refusal) return { kind: 'unparseable', rawSha256: stored.sha256, reason: refusal };
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(repairCharsets(message), parserOptions);
  } catch (error) {
    const reason = `Analyse MIME impossible : ${error instanceof Error ? error.message : String(error)}`;
    return { kind: 'unparseable', rawSha256: stored.sha256, reason };
  }
  const attachments = await storeAttachments(parsed.attachments, deps.blobs);
  const mail: IncomingMail = { ...toIncomingMail(parsed, origin, stored, deps.clock.now()), attachments };
  return { kind: 'mail', mail };
}
