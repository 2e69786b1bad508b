/**
 * The case number as it travels in mail: inside our own Message-IDs (`<ud.000123.…@domain>`, made
 * by `newMessageId` in ../outgoing-message) and as a token in subjects (`[#000123]`, made by
 * `replySubject`). Numbers are six digits, zero-padded, and grow past six after 999 999.
 */

/**
 * The random part (`newMessageId`: 96 bits, hex) is required: `<ud.000123.x@…>`, the form anyone can
 * write from a case number, is nobody's. Threading still checks the sender (thread-matcher.ts).
 */
const ourMessageId = /^<ud\.(\d{6,})\.[0-9a-f]{20,}@[^<>\s]+>$/i;
const subjectToken = /\[#(\d{6,})\]/g;
const angleAddr = /<[^<>\s]+>/g;

/** The case number carried by one of our Message-IDs, or null for anyone else's. */
export function caseNumberOfMessageId(messageId: string): string | null {
  return ourMessageId.exec(messageId.trim())?.[1] ?? null;
}

/** Every `[#NNNNNN]` of a subject, in order, each once. */
export function caseNumbersInSubject(subject: string): string[] {
  return [...new Set([...subject.matchAll(subjectToken)].map((match) => match[1] as string))];
}

/**
 * The ids of an In-Reply-To field. RFC 5322 §3.6.4 allows several (`<a> <b>`), and some clients
 * add comments or drop the brackets: a bare id is taken as it is.
 */
export function messageIdsOf(field: string | null): string[] {
  if (!field?.trim()) return [];
  const ids = field.match(angleAddr);
  return ids ?? [field.trim()];
}
