import type { HeaderLines } from 'mailparser';
import type { IncomingMail } from '../incoming-mail';

/**
 * The unfolded value of the first `name` header (RFC 5322 §2.2.3), as written. Read from the raw
 * lines rather than mailparser's parsed map, which turns some headers into objects (List-Id) and
 * replaces an unparseable Date with the current time.
 */
export function rawHeader(lines: HeaderLines, name: string): string | undefined {
  const line = lines.find((entry) => entry.key === name)?.line;
  if (line === undefined) return undefined;
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n(?=[ \t])/g, '')
    .trim();
}

/** Keywords compared without regard to case (RFC 3834 §5, RFC 2076): lower-cased once here. */
const lowerCased = (value: string | undefined) => value?.toLowerCase();

/** The headers filing reads to recognise auto-replies, bulk mail, bounces and our own messages. */
export function decisionHeaders(lines: HeaderLines): IncomingMail['headers'] {
  const headers: IncomingMail['headers'] = {
    autoSubmitted: lowerCased(rawHeader(lines, 'auto-submitted')),
    precedence: lowerCased(rawHeader(lines, 'precedence')),
    xAutoreply: lowerCased(rawHeader(lines, 'x-autoreply')),
    xAutoResponseSuppress: lowerCased(rawHeader(lines, 'x-auto-response-suppress')),
    // Kept as written: `<>` (RFC 3464 bounces), a list's id, our own case marker.
    returnPath: rawHeader(lines, 'return-path'),
    listId: rawHeader(lines, 'list-id'),
    xUnifiedCase: rawHeader(lines, 'x-unified-case'),
  };
  for (const key of Object.keys(headers) as (keyof typeof headers)[]) {
    if (headers[key] === undefined) delete headers[key];
  }
  return headers;
}
