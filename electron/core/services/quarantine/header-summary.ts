import { open } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import type { MailAddress } from '../../db/tables/json-types';
import { senderOf } from '../../mail/ingest/auto-reply';
import { firstAddress, toAddresses } from '../../mail/mime/mime-addresses';

/** What the quarantine's list shows of a message, read from its stored source. */
export interface HeaderSummary {
  date: string | null;
  sender: MailAddress | null;
  subject: string;
}

export const emptySummary: HeaderSummary = { date: null, sender: null, subject: '' };

/** Headers of real mail fit well within this; a source that is only junk costs no more to read. */
const headLimit = 64 * 1024;

/** The first bytes of a stored source, or null when the file is gone. */
export async function readHead(file: string): Promise<{ head: Buffer; size: number } | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, headLimit));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/**
 * The header block of `head`: up to the first empty line, without an mbox `From ` envelope line
 * (exported mail starts with one; it is not a header and would hide the real ones).
 */
export function headerBlock(head: Buffer): Buffer {
  let start = 0;
  if (head.subarray(0, 5).toString('latin1') === 'From ') start = head.indexOf(0x0a) + 1 || head.length;
  const rest = head.subarray(start);
  const crlf = rest.indexOf('\r\n\r\n');
  const lf = rest.indexOf('\n\n');
  const ends = [crlf, lf].filter((at) => at >= 0);
  return ends.length > 0 ? rest.subarray(0, Math.min(...ends)) : rest;
}

/**
 * Date, sender (From, else Reply-To) and subject of a source (or its first bytes), parsed from its header block alone
 * (mailparser decodes encoded words and addresses). A block that says nothing gives empty fields:
 * the list still shows the message, its reason and its size.
 */
export async function summarize(head: Buffer): Promise<HeaderSummary> {
  const parsed = await simpleParser(Buffer.concat([headerBlock(head.subarray(0, headLimit)), Buffer.from('\r\n\r\n')]), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  }).catch(() => null);
  if (!parsed) return emptySummary;
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  const sender = senderOf({ from: firstAddress(parsed.from), replyTo: toAddresses(parsed.replyTo) });
  return { date, sender, subject: parsed.subject?.trim() ?? '' };
}
