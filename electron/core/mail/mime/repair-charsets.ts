import { relabelEncodedWords } from './encoded-words';
import { guessCharset, hasEightBit, isKnownCharset, isSingleByteCharset, isUtf8, legacyToUtf8 } from './legacy-charset';
import { contentTypeOf, fieldValue, multipartParts, splitEntity, type ContentType, type Span } from './mime-entities';

/** Deeper than this, a message is built to hurt parsers: its inner parts are left as they are. */
const maxDepth = 30;

interface Edit {
  span: Span;
  replacement: Buffer;
}

/**
 * The source as mailparser should have read it, for the undeclared 8-bit text real mail is full of
 * (French mail in Latin-1 or Windows-1252 with no charset, or one that says us-ascii or utf-8):
 * mailparser reads such bytes as UTF-8 and stores U+FFFD in their place. Header lines that are not
 * UTF-8 are converted to it (RFC 6532 lets headers be UTF-8); a text part whose bytes do not match
 * what it declares gets the charset they are really in, and mailparser's own decoder does the rest.
 * Only header blocks change; bodies, attachments and nested messages (message/rfc822) stay byte for
 * byte. The stored source is the original: this copy is only parsed.
 */
export function repairCharsets(source: Buffer): Buffer {
  const edits: Edit[] = [];
  visit(source, { start: 0, end: source.length }, 0, edits);
  return edits.length === 0 ? source : applyEdits(source, edits);
}

function visit(source: Buffer, span: Span, depth: number, edits: Edit[]): void {
  const entity = splitEntity(source, span);
  const original = source.subarray(entity.header.start, entity.header.end);
  let header: Buffer = Buffer.from(relabelEncodedWords(utf8HeaderLines(original).toString('latin1')), 'latin1');
  let type = contentTypeOf(header.toString('latin1'));
  if (type.mediaType.startsWith('multipart/')) {
    const boundary = type.params.get('boundary');
    const parts = boundary ? multipartParts(source, entity.body, boundary) : [];
    if (parts.length > 0 && depth < maxDepth) for (const part of parts) visit(source, part, depth + 1, edits);
    // A multipart without a boundary that shows holds no part mailparser can find: its body, read
    // as plain text, is at least shown (and the source is kept) rather than an empty message.
    if (parts.length === 0) [header, type] = [withContentType(header, 'text/plain'), contentTypeOf('')];
  }
  const headerText = header.toString('latin1');
  if (!type.mediaType.startsWith('multipart/') && isShownText(type, headerText)) {
    const charset = actualCharset(type, headerText, source.subarray(entity.body.start, entity.body.end));
    if (charset) header = withCharset(header, charset);
  }
  if (!header.equals(original)) edits.push({ span: entity.header, replacement: header });
}

/** Each header line that is not UTF-8, converted from the charset all such lines seem to share. */
function utf8HeaderLines(block: Buffer): Buffer {
  const lines = splitLines(block);
  const legacy = lines.filter((line) => hasEightBit(line) && !isUtf8(line));
  if (legacy.length === 0) return block;
  const charset = guessCharset(Buffer.concat(legacy));
  return Buffer.concat(lines.map((line) => (legacy.includes(line) ? legacyToUtf8(line, charset) : line)));
}

function splitLines(block: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  for (let at = 0; at < block.length; ) {
    const newline = block.indexOf(0x0a, at);
    const end = newline === -1 ? block.length : newline + 1;
    lines.push(block.subarray(at, end));
    at = end;
  }
  return lines;
}

/** The parts mailparser turns into the message's text and HTML (an attached text file stays a file). */
const isShownText = (type: ContentType, headers: string) =>
  (type.mediaType === 'text/plain' || type.mediaType === 'text/html') &&
  !/^\s*attachment/i.test(fieldValue(headers, 'content-disposition') ?? '');

/** The charset a text part's bytes are really in, when it is not the one it declares; else null. */
function actualCharset(type: ContentType, headers: string, body: Buffer): string | null {
  const bytes = withoutTransferEncoding(body, fieldValue(headers, 'content-transfer-encoding'));
  if (!hasEightBit(bytes)) return null;
  const declared = type.params.get('charset')?.trim() ?? '';
  const utf8 = isUtf8(bytes);
  const readAsUtf8 = declared === '' || /^(us-?)?ascii$|^utf-?8$/i.test(declared) || !isKnownCharset(declared);
  if (readAsUtf8) return utf8 ? null : guessCharset(bytes);
  // UTF-8 labelled Latin-1 by a careless mailer: Latin-1 text is virtually never valid UTF-8 by chance.
  return utf8 && isSingleByteCharset(declared) ? 'utf-8' : null;
}

function withoutTransferEncoding(body: Buffer, encoding: string | undefined): Buffer {
  const name = (encoding ?? '').toLowerCase();
  if (name === 'base64') return Buffer.from(body.toString('latin1'), 'base64');
  if (name !== 'quoted-printable') return body;
  const text = body
    .toString('latin1')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(text, 'latin1');
}

const contentTypeField = /^content-type[ \t]*:[^\n]*(?:\n[ \t][^\n]*)*/im;

/** The header block with its Content-Type replaced by `mediaType` (no parameters). */
function withContentType(header: Buffer, mediaType: string): Buffer {
  const text = header.toString('latin1');
  const field = contentTypeField.exec(text);
  if (!field) return header;
  const end = field[0].endsWith('\r') ? '\r' : '';
  return Buffer.from(`${text.slice(0, field.index)}Content-Type: ${mediaType}${end}${text.slice(field.index + field[0].length)}`, 'latin1');
}

/** The header block with `charset` set on its Content-Type, added if it had none. */
function withCharset(header: Buffer, charset: string): Buffer {
  const text = header.toString('latin1');
  const field = contentTypeField.exec(text);
  if (!field) {
    const newline = text.includes('\r\n') || text === '' ? '\r\n' : '\n';
    return Buffer.from(`${text}Content-Type: text/plain; charset="${charset}"${newline}`, 'latin1');
  }
  const value = field[0];
  const param = /(;\s*charset\s*=\s*)("[^"]*"|[^;\s]*)/i;
  const next = param.test(value) ? value.replace(param, `$1"${charset}"`) : value.replace(/\r?$/, (end) => `; charset="${charset}"${end}`);
  return Buffer.from(text.slice(0, field.index) + next + text.slice(field.index + value.length), 'latin1');
}

function applyEdits(source: Buffer, edits: Edit[]): Buffer {
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start);
  const pieces: Buffer[] = [];
  let at = 0;
  for (const { span, replacement } of ordered) {
    pieces.push(source.subarray(at, span.start), replacement);
    at = span.end;
  }
  pieces.push(source.subarray(at));
  return Buffer.concat(pieces);
}
