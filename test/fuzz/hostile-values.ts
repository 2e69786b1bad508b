import fc from 'fast-check';

/**
 * What a hostile agent or page sends instead of what a form would: the pieces the generator of
 * `arbitrary-from-zod.ts` mixes into inputs. Every value here can cross one of the two transports
 * (JSON over the WebSocket, structured clone over Electron's IPC), so no functions or symbols.
 */

/** Text that has broken parsers, headers, queries and screens elsewhere. */
export const hostilePieces: readonly string[] = [
  // Line breaks and controls: header injection, CSV/vCard lines, log lines.
  '\r\n',
  '\r',
  '\n',
  '\0',
  '\u0007',
  '\u001b[31m',
  'a\r\nBcc: intrus@example.com',
  // Unicode that hides or reorders what is shown, and broken UTF-16.
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  'e\u0301',
  // FTS5 query syntax: the desk's search and the templates' suggestions build queries from text.
  '"a" OR b*',
  'NEAR(a b, 2)',
  'NEAR(',
  '^a',
  '-a',
  'subject:a',
  '{subject number}:a',
  'a AND',
  'NOT',
  '(',
  ')',
  '"',
  '*',
  '+',
  // SQL and LIKE.
  "' OR 1=1 --",
  "'; DROP TABLE cases; --",
  '%',
  '_',
  '\\',
  // Markup and placeholders.
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{case.number}}',
  '{{contact.__proto__}}',
  '{{constructor.constructor}}',
  '{{',
  '}}',
  // Paths and file names.
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'CON',
  'facture.pdf.exe.',
  'a/b',
  // Spreadsheet formulas and vCard lines.
  '=cmd|',
  'BEGIN:VCARD\r\nEND:VCARD',
  // Names that are also object keys.
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'NaN',
  '-1',
  '1e309',
];

/** 100 kB: far above every field's limit, far below the transports' frame limits. */
export const hugeLength = 100_000;

/** A few pieces and ordinary characters run together. */
export const hostileText = (): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hostilePieces) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), {
      minLength: 1,
      maxLength: 5,
    })
    .map((parts) => parts.join(''));

/** 100 kB of a hostile piece repeated (deep markup nesting among them), or of one letter. */
export const hugeText = (): fc.Arbitrary<string> =>
  fc
    .constantFrom('x', 'é', '\r\n', '"a" OR ', '😀', '<b>', '<div>', '<blockquote>', '<ul><li>', '{{', '((')
    .map((piece) => piece.repeat(Math.ceil(hugeLength / piece.length)));

export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.constantFrom(
    -1,
    0,
    -0,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER,
    2 ** 31,
    2 ** 63,
    1e308,
    Number.MIN_VALUE,
  );

/** Nesting deep enough to overflow a naive recursive walk of the input. */
export const deepNesting = (): fc.Arbitrary<unknown> =>
  fc.tuple(fc.constantFrom(1_000, 10_000), fc.boolean()).map(([depth, asArray]) => {
    let value: unknown = 'fond';
    for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
    return value;
  });

/** What `JSON.parse('{"__proto__": …}')` makes: an own key named `__proto__`, not a new prototype. */
export function withOwnKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const escalation = { role: 'administrator', isAdmin: true, agentId: 4, polluted: 'oui' };

/** Keys an attacker adds to an object the schema describes. */
export const extraKeys = (): fc.Arbitrary<[string, unknown][]> =>
  fc.array(
    fc.tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'role', 'agentId', 'id', 'isAdmin') },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      ),
      fc.oneof(fc.constant<unknown>(escalation), fc.constant<unknown>({ prototype: escalation }), fc.jsonValue({ maxDepth: 2 })),
    ),
    { minLength: 1, maxLength: 3 },
  );

/** Objects whose keys shadow `Object.prototype`, as JSON.parse builds them. */
export const prototypeObjects = (): fc.Arbitrary<unknown> =>
  fc.constantFrom(
    '{"__proto__": {"role": "administrator", "polluted": "oui"}}',
    '{"constructor": {"prototype": {"polluted": "oui"}}}',
    '{"__proto__": null, "toString": 1, "valueOf": "x", "hasOwnProperty": []}',
  ).map((json) => JSON.parse(json) as unknown);

/** Any value of any type, from both transports' point of view. */
export const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom<unknown>(null, undefined, true, false, 0, '', [], {}),
    hostileNumber(),
    hostileText(),
    fc.jsonValue({ maxDepth: 3 }),
    prototypeObjects(),
    // Structured clone (Electron's IPC) carries these too.
    fc.constantFrom<unknown>(new Date(0), new Date(Number.NaN), new Map([['a', 1]]), new Set([1]), new Uint8Array([1, 2]), 10n),
  );

/** A whole input replaced by junk: what a scripted client sends before it reads the contract. */
export const junkInput = (): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: wrongValue() }, { weight: 1, arbitrary: deepNesting() }, { weight: 1, arbitrary: hugeText() }, {
    weight: 1,
    arbitrary: fc.array(fc.constant(1), { minLength: 1000, maxLength: 1000 }),
  });
