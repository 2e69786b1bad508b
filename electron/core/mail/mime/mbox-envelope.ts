/**
 * The mbox envelope line (`From sender date`, RFC 4155) that exported and migrated mail often keeps
 * on top of each message. It is not a header (no colon after the name), so the source would not look
 * like a message at all; the message under it is whole. `From :` (an obsolete header, RFC 5322
 * §4.5.8, blanks before the colon) is not an envelope and stays.
 */
const envelopeLine = /^From (?![ \t]*:)[^\r\n]*\r?\n/;

/** The source without its envelope line; the same buffer when it has none. */
export function withoutMboxEnvelope(raw: Buffer): Buffer {
  const start = raw.subarray(0, 1000).toString('latin1');
  const envelope = envelopeLine.exec(start);
  return envelope ? raw.subarray(Buffer.byteLength(envelope[0], 'latin1')) : raw;
}
