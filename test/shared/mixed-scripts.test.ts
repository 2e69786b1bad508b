import { describe, expect, it } from 'vitest';
import { mixesScripts } from '../../shared/domain/mixed-scripts';

describe('mixesScripts: a domain label written with letters of several alphabets', () => {
  it.each([
    ['аpple', true], // Cyrillic а, then Latin
    ['pаypal', true],
    ['gοogle', true], // Greek ο
    ['apple', false],
    ['société-générale', false], // accented Latin is one alphabet
    ['xn--pple-43d', false], // the ASCII form itself says nothing: decode it first
    ['пример', false],
    ['日本語ひらがなカタカナ', false], // Japanese mixes its own scripts by design
    ['한국어漢字', false],
    ['café2025', false], // digits and hyphens belong to every alphabet
    ['παράδειγμα', false],
    ['exampleпример', true],
  ])('%s → %s', (label, mixed) => {
    expect(mixesScripts(label)).toBe(mixed);
  });
});
