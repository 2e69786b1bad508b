import { z } from 'zod';

/**
 * What a name may not hold, whatever the form: C0 and C1 control characters (CR and LF split a line
 * of a vCard, a CSV row or a mail header; NUL, ESC and the others are never typed), DEL, the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: `Jean\u202Eexe.pdf` reads
 * backwards) and the Unicode line and paragraph separators. Right-to-left letters stay welcome.
 */
export const controlCharacterMessage = 'Ce champ ne peut pas contenir de caractères de contrôle.';

/** C0 and C1 controls and DEL, but for the tab and the line feed. */
const controls = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';
/** What lays text out on several lines: tab, line feed, Unicode line and paragraph separators. */
const layout = '\\u0009\\u000a\\u2028\\u2029';
/** Bidi embeddings, overrides and isolates: they reorder what follows them. */
const bidiControls = '\\u202a-\\u202e\\u2066-\\u2069';

const notOnOneLine = new RegExp(`[${controls}${layout}${bidiControls}]`);
/** Text of several lines keeps its layout (the tabs a paste from a spreadsheet brings too). */
const notInText = new RegExp(`[${controls}${bidiControls}]`);

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

const breaking = new RegExp(` *[${controls}${layout}]+ *`, 'g');
const reordering = new RegExp(`[${bidiControls}]`, 'g');

/**
 * A stored value written where a line break would end it (a vCard line): breaks and controls become
 * one space, bidi controls go. For rows stored before the rule above, or named by a mail's sender.
 */
export const toSingleLine = (text: string): string => text.replace(reordering, '').replace(breaking, ' ').trim();
