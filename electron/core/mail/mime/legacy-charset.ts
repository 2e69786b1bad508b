import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export { isUtf8 };

/**
 * Below this confidence chardet's first guess is a coin toss between Latin alphabets (a short
 * French subject reads as Latin-2 as easily as Latin-1): the centre's own default wins instead.
 */
const minConfidence = 50;
/**
 * What undeclared 8-bit French mail nearly always is. It is Latin-1 plus the letters Latin-1 lacks
 * (€, œ, ’, «…» spacing) in 0x80-0x9F, where Latin-1 has only unused control codes, so it reads both.
 */
export const fallbackCharset = 'windows-1252';

/** Detected names that cannot describe 8-bit bytes that failed UTF-8 (mail text has no BOM). */
const notLegacy = /^(ascii|us-ascii|utf-8|utf-16.*|utf-32.*)$/i;

export const hasEightBit = (bytes: Buffer) => bytes.some((byte) => byte >= 0x80);

/** iconv-lite decodes it; ISO-2022 is decoded by mailparser's own libmime, which has it. */
export const isKnownCharset = (name: string) => iconv.encodingExists(name) || /^iso-?2022/i.test(name);

/** Legacy one-byte charsets, which any byte string "is": UTF-8 labelled with one of them is common. */
export const isSingleByteCharset = (name: string) => /^(iso[-_]?8859|latin|windows-125|cp125)/i.test(name.trim());

/**
 * The charset 8-bit text that is not UTF-8 is most likely in (chardet, the detector mailparser's
 * own iconv path pairs with iconv-lite), Latin-1 read as its superset Windows-1252, and
 * Windows-1252 when the detector is not sure.
 */
export function guessCharset(bytes: Buffer): string {
  const best = chardet.analyse(bytes).find((candidate) => !notLegacy.test(candidate.name));
  if (!best || best.confidence < minConfidence || !iconv.encodingExists(best.name)) return fallbackCharset;
  return /^iso-8859-1$/i.test(best.name) ? fallbackCharset : best.name;
}

/** 8-bit bytes that are not UTF-8, as UTF-8: the form mailparser reads headers in (RFC 6532). */
export function legacyToUtf8(bytes: Buffer, charset: string = guessCharset(bytes)): Buffer {
  return Buffer.from(iconv.decode(bytes, charset), 'utf8');
}
