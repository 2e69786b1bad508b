import { guessCharset, hasEightBit, isKnownCharset, isUtf8 } from './legacy-charset';

/** An RFC 2047 encoded word; the charset may carry an RFC 2231 language (`utf-8*fr`). */
const encodedWord = /=\?([^?\s*]+)(\*[^?\s]*)?\?([bq])\?([^?\s]*)\?=/gi;

function payloadBytes(encoding: string, text: string): Buffer {
  if (encoding.toLowerCase() === 'b') return Buffer.from(text, 'base64');
  const decoded = text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(decoded, 'latin1');
}

/** The charset the word's bytes are really in, when it is not the one it names; else null. */
function actualCharset(declared: string, bytes: Buffer): string | null {
  const readAsUtf8 = /^(us-?)?ascii$|^utf-?8$/i.test(declared) || !isKnownCharset(declared);
  if (!readAsUtf8 || !hasEightBit(bytes)) return null;
  if (isUtf8(bytes)) return isKnownCharset(declared) ? null : 'utf-8';
  return guessCharset(bytes);
}

/**
 * Header text (one byte per character) whose encoded words name the charset their bytes are in:
 * `=?utf-8?q?H=E9l=E8ne?=` (Latin-1 bytes called UTF-8, a common mailer bug) or an unknown
 * charset would otherwise decode to U+FFFD. Only the label changes; the payload stays as written.
 */
export function relabelEncodedWords(headerText: string): string {
  return headerText.replace(encodedWord, (word, charset: string, language: string | undefined, encoding: string, text: string) => {
    const actual = actualCharset(charset, payloadBytes(encoding, text));
    return actual ? `=?${actual}${language ?? ''}?${encoding}?${text}?=` : word;
  });
}
