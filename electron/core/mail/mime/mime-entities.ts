/**
 * Just enough of MIME's structure (RFC 2045, 2046) to repair a source before mailparser reads it:
 * where each entity's header block and body lie in the raw bytes. Nothing is decoded or rebuilt
 * here; anything that does not look as expected is simply not descended into.
 */

/** A byte range `[start, end)` of the source. */
export interface Span {
  start: number;
  end: number;
}

/** One entity: its header block (every header line with its line break) and its body. */
export interface Entity {
  header: Span;
  body: Span;
}

const LF = 0x0a;

/** The line breaks in `[start, end)`: each line's start and end (line break included). */
function* lines(source: Buffer, start: number, end: number): Generator<Span> {
  let at = start;
  while (at < end) {
    const newline = source.indexOf(LF, at);
    const next = newline === -1 || newline >= end ? end : newline + 1;
    yield { start: at, end: next };
    at = next;
  }
}

const text = (source: Buffer, span: Span) => source.toString('latin1', span.start, span.end);
const isBlank = (line: string) => line === '\n' || line === '\r\n';

/** Header block up to the first empty line (RFC 5322 §2.1); the body after it. */
export function splitEntity(source: Buffer, span: Span): Entity {
  for (const line of lines(source, span.start, span.end)) {
    if (isBlank(text(source, line))) return { header: { start: span.start, end: line.start }, body: { start: line.end, end: span.end } };
  }
  return { header: span, body: { start: span.end, end: span.end } };
}

/** The unfolded value of the first `name` field of a header block (given as Latin-1 text). */
export function fieldValue(headers: string, name: string): string | undefined {
  const field = new RegExp(`^${name}[ \\t]*:([^\\n]*(?:\\n[ \\t][^\\n]*)*)`, 'im').exec(headers);
  return field?.[1]?.replace(/\r?\n/g, '').trim();
}

export interface ContentType {
  /** `type/subtype`, lower case; `text/plain` when absent (RFC 2045 §5.2). */
  mediaType: string;
  params: Map<string, string>;
}

export function contentTypeOf(headers: string): ContentType {
  const value = fieldValue(headers, 'content-type') ?? '';
  const mediaType = value.split(';')[0]?.trim().toLowerCase() || 'text/plain';
  const params = new Map<string, string>();
  for (const [, key, raw] of value.matchAll(/;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g)) {
    params.set((key as string).toLowerCase(), (raw as string).replace(/^"|"$/g, ''));
  }
  return { mediaType, params };
}

/**
 * The parts of a multipart body: what lies between its `--boundary` lines (RFC 2046 §5.1.1). A part
 * keeps the line break before the next delimiter (which RFC 2046 gives to the delimiter): harmless
 * for a repair that only edits header blocks. Empty when the boundary never shows (a broken one).
 */
export function multipartParts(source: Buffer, body: Span, boundary: string): Span[] {
  const [delimiter, close] = [`--${boundary}`, `--${boundary}--`];
  const parts: Span[] = [];
  let open: number | null = null;
  for (const line of lines(source, body.start, body.end)) {
    const content = text(source, line).replace(/[ \t]*\r?\n$/, '');
    if (content !== delimiter && content !== close) continue;
    if (open !== null) parts.push({ start: open, end: line.start });
    if (content === close) return parts;
    open = line.end;
  }
  // No closing delimiter (a truncated message): the last part runs to the end.
  if (open !== null) parts.push({ start: open, end: body.end });
  return parts;
}
