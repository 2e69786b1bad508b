/**
 * Look-alike domains (`аpple.com` with a Cyrillic «а»): a label that mixes letters of several
 * alphabets is how one reads as another (Unicode TS #39, "mixed-script confusables"). Pure, so that
 * any layer can ask; the core decodes punycode first (`xn--pple-43d` is only Latin letters).
 */
const scripts = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari',
  'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao',
  'Tibetan', 'Myanmar', 'Khmer', 'Ethiopic', 'Cherokee', 'Mongolian', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo',
] as const;
const patterns = scripts.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

/** Writing systems that mix scripts by design: Japanese, Korean, Chinese with its phonetic signs. */
const oneWritingSystem: ReadonlySet<string>[] = [new Set(['Han', 'Hiragana', 'Katakana']), new Set(['Han', 'Hangul']), new Set(['Han', 'Bopomofo'])];

function scriptOf(letter: string): string {
  return patterns.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'Other';
}

/** Whether the letters of one label belong to more than one alphabet (digits and hyphens belong to all). */
export function mixesScripts(label: string): boolean {
  const used = new Set([...label].filter((char) => /\p{L}/u.test(char)).map(scriptOf));
  if (used.size <= 1) return false;
  return !oneWritingSystem.some((system) => [...used].every((script) => system.has(script)));
}
