import { z } from 'zod';

/**
 * What a name may not hold, whatever the form: C0 and C1 control characters (CR and LF split a line
 * of a vCard, a CSV row or a mail header; NUL, ESC and the others are never typed), DEL, the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: `Jean\u202Eexe.pdf` reads
 * backwards) and the Unicode line and paragraph separators. Right-to-left letters stay welcome.
 */
export const controlCharacterMessage = 'Ce champ ne peut pas contenir de caractères de contrôle.';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const notOnOneLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Text of several lines keeps its line feeds, and the tabs a paste from a spreadsheet brings. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const notInText = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const isSingleLine = (text: string): boolean => !notOnOneLine.test(text);
export const isCleanMultiLine = (text: string): boolean => !notInText.test(text);

/** The refinement every name-like field shares (a trimmed value: a trailing line feed just goes). */
export const refuseControlCharacters = <T extends z.ZodString>(rule: T): T =>
  rule.refine(isSingleLine, { error: controlCharacterMessage });

/** The same for a comment, a note, a message: line feeds and tabs kept. */
export const refuseControlCharactersExceptLines = <T extends z.ZodString>(rule: T): T =>
  rule.refine(isCleanMultiLine, { error: controlCharacterMessage });

export const tooLong = (max: number) => ({ error: `${max} caractères au maximum.` });

/** A trimmed single line of at most `max` characters (may be empty). */
export const singleLineText = (max: number) => refuseControlCharacters(z.string().trim().max(max, tooLong(max)));

/** Trimmed text of several lines, at most `max` characters. */
export const multiLineText = (max: number) => refuseControlCharactersExceptLines(z.string().trim().max(max, tooLong(max)));
