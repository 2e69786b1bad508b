import fc from 'fast-check';
import type { z } from 'zod';
import { extraKeys, hostileNumber, hostileText, hugeText, junkInput, withOwnKey, wrongValue } from './hostile-values';

/**
 * fast-check arbitraries read from a zod 4 schema (`schema._zod.def`), for the contract fuzz:
 * - `validArbitrary`: values of the schema's shape that its parse accepts (ids biased to 1..30, the
 *   demo's range, so calls reach their handlers), with nasty but allowed text mixed in;
 * - `hostileArbitrary`: the same shapes with wrong types, extra and `__proto__` keys, huge strings,
 *   controls, FTS5 syntax, out-of-range numbers, or junk instead of the whole input.
 * Rules a schema keeps in code (a refinement, a transform) cannot be read: `hints` give the
 * arbitrary of such a field by its key.
 */
export interface FromZodOptions {
  /** Arbitrary of a field by its object key, where the schema alone cannot say what passes. */
  readonly hints?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Addresses that exist somewhere, mixed into generated ones so that uniqueness rules are met. */
  readonly emails?: readonly string[];
}

type Mode = 'valid' | 'hostile';

interface Context {
  readonly mode: Mode;
  readonly options: FromZodOptions;
  readonly depth: number;
}

/** The part of zod 4's internal definition this file reads; every kind has `type`. */
interface Def {
  readonly type: string;
  readonly [field: string]: unknown;
}

interface CheckDef {
  readonly check: string;
  readonly [field: string]: unknown;
}

const defOf = (schema: z.core.$ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] =>
  ((def.checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((check) => check._zod.def);
/** `optional`, `default`, `prefault`: the key may be left out of its object. */
const mayBeAbsent = (schema: z.core.$ZodType) => (schema as unknown as { _zod: { optin?: string } })._zod.optin !== undefined;

/** Past this depth a recursive (lazy) schema stops growing. */
const maxDepth = 12;
/** Ids of the demo centre and of what a fuzz run creates first: where calls find something. */
const idRange = { min: 1, max: 30 } as const;

export const validArbitrary = (schema: z.core.$ZodType, options: FromZodOptions = {}): fc.Arbitrary<unknown> =>
  build(schema, { mode: 'valid', options, depth: 0 });

export const hostileArbitrary = (schema: z.core.$ZodType, options: FromZodOptions = {}): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 8, arbitrary: build(schema, { mode: 'hostile', options, depth: 0 }) }, { weight: 1, arbitrary: junkInput() });

function build(schema: z.core.$ZodType, ctx: Context): fc.Arbitrary<unknown> {
  if (ctx.depth > maxDepth) return fc.constant(undefined);
  const def = defOf(schema);
  const inner = { ...ctx, depth: ctx.depth + 1 };
  const wrapped = (key: string) => build(def[key] as z.core.$ZodType, inner);
  switch (def.type) {
    case 'optional':
      return fc.option(wrapped('innerType'), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(wrapped('innerType'), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(wrapped('innerType'), { nil: undefined, freq: 6 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return wrapped('innerType');
    case 'pipe':
      return pipeArbitrary(def, inner);
    case 'lazy':
      return build((def.getter as () => z.core.$ZodType)(), inner);
    case 'union':
      return fc.oneof(...(def.options as z.core.$ZodType[]).map((option) => build(option, inner)));
    default:
      return ctx.mode === 'hostile'
        ? fc.oneof({ weight: 10, arbitrary: concrete(def, ctx) }, { weight: 1, arbitrary: wrongValue() })
        : concrete(def, ctx);
  }
}

/**
 * A pipe takes what its `in` takes. When `out` is a rule (`optionalField`'s `.pipe(rule)`, the
 * e-mail fields) its values are the ones `in` lets through to it; when `out` is a bare transform
 * there is nothing to read there, so `in` says.
 */
function pipeArbitrary(def: Def, ctx: Context): fc.Arbitrary<unknown> {
  const out = def.out as z.core.$ZodType;
  return build(defOf(out).type === 'transform' ? (def.in as z.core.$ZodType) : out, ctx);
}

function concrete(def: Def, ctx: Context): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, ctx);
    case 'number':
      return numberArbitrary(def, ctx);
    case 'boolean':
      return fc.boolean();
    case 'bigint':
      return fc.bigInt();
    case 'date':
      return fc.date({ noInvalidDate: true });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
    case 'never':
      return fc.constant(undefined);
    case 'nan':
      return fc.constant(Number.NaN);
    case 'any':
    case 'unknown':
    case 'transform':
      return fc.jsonValue({ maxDepth: 2 });
    case 'custom':
      // `z.custom` keeps its rule in code: an object is the common case (the contract's forms).
      return fc.object({ maxDepth: 1 });
    case 'object':
      return objectArbitrary(def, ctx);
    case 'array':
      return arrayArbitrary(def, ctx);
    case 'tuple':
      return fc.tuple(...(def.items as z.core.$ZodType[]).map((item) => build(item, { ...ctx, depth: ctx.depth + 1 })));
    case 'record':
      return recordArbitrary(def, ctx);
    case 'intersection':
      return fc
        .tuple(build(def.left as z.core.$ZodType, ctx), build(def.right as z.core.$ZodType, ctx))
        .map(([left, right]) => (isPlainObject(left) && isPlainObject(right) ? { ...left, ...right } : left));
    default:
      throw new Error(`arbitrary-from-zod: no arbitrary for a zod "${def.type}" yet`);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ---------------------------------------------------------------------------------------------
// Strings

interface StringRules {
  min: number;
  max: number;
  pattern: RegExp | null;
  /** `.trim()`, `.toLowerCase()`…: applied to a candidate so that what the parse keeps still fits. */
  overwrites: ((value: string) => string)[];
}

function stringRules(def: Def): StringRules {
  const rules: StringRules = { min: 0, max: Number.POSITIVE_INFINITY, pattern: null, overwrites: [] };
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') rules.min = Math.max(rules.min, check.minimum as number);
    if (check.check === 'max_length') rules.max = Math.min(rules.max, check.maximum as number);
    if (check.check === 'length_equals') rules.min = rules.max = check.length as number;
    if (check.check === 'string_format' && check.pattern instanceof RegExp) rules.pattern = check.pattern;
    if (check.check === 'overwrite') rules.overwrites.push(check.tx as (value: string) => string);
  }
  return rules;
}

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const textUnit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...letters) },
  { weight: 2, arbitrary: fc.constantFrom(' ', 'é', 'è', 'à', 'ç', 'É', "'", '-', '.', ',') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

function stringArbitrary(def: Def, ctx: Context): fc.Arbitrary<string> {
  const rules = stringRules(def);
  const shaped = formattedString(def, rules, ctx) ?? freeText(rules);
  if (ctx.mode === 'valid') return shaped;
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 3, arbitrary: hostileText() },
    { weight: 1, arbitrary: hugeText() },
  );
}

/** E-mail, ISO dates and regex rules: generated from their own pattern, never padded or cut. */
function formattedString(def: Def, rules: StringRules, ctx: Context): fc.Arbitrary<string> | null {
  const fits = (value: string) => value.length >= rules.min && value.length <= rules.max;
  if (def.format === 'email') {
    const known = ctx.options.emails ?? [];
    const generated = fc.stringMatching(def.pattern as RegExp).filter(fits);
    return known.length > 0 ? fc.oneof(generated, fc.constantFrom(...known)) : generated;
  }
  if (def.format === 'date') return isoDay();
  if (def.format === 'datetime') return fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2040-01-01') }).map((d) => d.toISOString());
  const pattern = rules.pattern ?? (def.pattern instanceof RegExp ? def.pattern : null);
  if (pattern) return fc.stringMatching(pattern).filter(fits);
  return null;
}

export const isoDay = (): fc.Arbitrary<string> =>
  fc.date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2040-12-31') }).map((d) => d.toISOString().slice(0, 10));

/** Ordinary text, nasty but allowed text, and text of exactly the longest length allowed. */
function freeText(rules: StringRules): fc.Arbitrary<string> {
  const short = Math.min(rules.max, rules.min + 30);
  const candidates: fc.WeightedArbitrary<string>[] = [
    // Nasty text is rarer than in hostile mode: name fields now refuse controls, and a form of
    // twenty of them must still pass its schema often enough to reach the handler.
    { weight: 8, arbitrary: fc.string({ unit: textUnit, maxLength: short }) },
    { weight: 2, arbitrary: hostileText() },
  ];
  if (Number.isFinite(rules.max) && rules.max <= 1_000_000) {
    candidates.push({ weight: 1, arbitrary: fc.constantFrom('a', 'é', '😀').map((c) => c.repeat(rules.max)) });
  }
  if (rules.max >= 1_000) {
    // Long but allowed: deep markup, thousands of line breaks or query operators, up to 100 kB.
    candidates.push({ weight: 1, arbitrary: hugeText() });
  }
  return fc.oneof(...candidates).map((value) => fitText(value, rules));
}

/** Padded to the minimum and cut to the maximum as the parse will measure it (after trimming). */
export function fitText(value: string, rules: Pick<StringRules, 'min' | 'max' | 'overwrites'>): string {
  const overwrite = (text: string) => rules.overwrites.reduce((acc, tx) => tx(acc), text);
  let text = value;
  for (let pass = 0; pass < 2; pass += 1) {
    text = overwrite(text);
    if (text.length < rules.min) text += 'a'.repeat(rules.min - text.length);
    text = text.slice(0, rules.max);
  }
  return overwrite(text);
}

// ---------------------------------------------------------------------------------------------
// Numbers

interface NumberRules {
  min: number;
  max: number;
  integer: boolean;
}

const integerFormats: Readonly<Record<string, [number, number]>> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

function numberRules(def: Def): NumberRules {
  const rules: NumberRules = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integer: false };
  const formats = [def.format, ...checksOf(def).filter((c) => c.check === 'number_format').map((c) => c.format)];
  for (const format of formats) {
    const range = integerFormats[format as string];
    if (!range) continue;
    rules.integer = true;
    rules.min = Math.max(rules.min, range[0]);
    rules.max = Math.min(rules.max, range[1]);
  }
  const step = (inclusive: unknown) => (inclusive ? 0 : rules.integer ? 1 : Number.EPSILON);
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than') rules.min = Math.max(rules.min, (check.value as number) + step(check.inclusive));
    if (check.check === 'less_than') rules.max = Math.min(rules.max, (check.value as number) - step(check.inclusive));
  }
  if (rules.integer) {
    rules.min = Math.ceil(rules.min);
    rules.max = Math.floor(rules.max);
  }
  return rules;
}

function numberArbitrary(def: Def, ctx: Context): fc.Arbitrary<number> {
  const rules = numberRules(def);
  const shaped = rules.integer ? integerArbitrary(rules) : fc.double({ min: rules.min, max: rules.max, noNaN: true, noDefaultInfinity: true });
  if (ctx.mode === 'valid') return shaped;
  const outside = [rules.min - 1, rules.max + 1].filter((n) => Number.isFinite(n));
  return fc.oneof(
    { weight: 3, arbitrary: shaped },
    { weight: 2, arbitrary: hostileNumber() },
    { weight: 1, arbitrary: outside.length > 0 ? fc.constantFrom(...outside) : hostileNumber() },
  );
}

function integerArbitrary({ min, max }: NumberRules): fc.Arbitrary<number> {
  const candidates: fc.WeightedArbitrary<number>[] = [
    { weight: 2, arbitrary: fc.integer({ min, max: Math.min(max, min + 100) }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  ];
  const low = Math.max(min, idRange.min);
  const high = Math.min(max, idRange.max);
  if (low <= high) candidates.push({ weight: 8, arbitrary: fc.integer({ min: low, max: high }) });
  return fc.oneof(...candidates);
}

// ---------------------------------------------------------------------------------------------
// Objects, arrays, records

function objectArbitrary(def: Def, ctx: Context): fc.Arbitrary<unknown> {
  const shape = def.shape as Record<string, z.core.$ZodType>;
  const inner = { ...ctx, depth: ctx.depth + 1 };
  const hints = ctx.options.hints ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(shape)) {
    const hint = hints[key];
    const generated = build(child, inner);
    model[key] = hint === undefined ? generated : ctx.mode === 'valid' ? hint : fc.oneof(hint, generated);
  }
  const requiredKeys = Object.keys(shape).filter((key) => !mayBeAbsent(shape[key] as z.core.$ZodType));
  const record = fc.record(model, { requiredKeys });
  if (ctx.mode === 'valid') return record;
  return fc.oneof(
    { weight: 5, arbitrary: record },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(record, extraKeys())
        .map(([value, extra]) => extra.reduce<object>((target, [key, v]) => withOwnKey(target, key, v), { ...value })),
    },
  );
}

function lengthRules(def: Def): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum as number);
    if (check.check === 'max_length') max = Math.min(max, check.maximum as number);
    if (check.check === 'length_equals') min = max = check.length as number;
  }
  return { min, max };
}

/** Elements distinct (several lists refuse a repeated id) and few: calls stay fast. */
function arrayArbitrary(def: Def, ctx: Context): fc.Arbitrary<unknown[]> {
  const { min, max } = lengthRules(def);
  const element = build(def.element as z.core.$ZodType, { ...ctx, depth: ctx.depth + 1 });
  const maxLength = Math.min(max, min + 4);
  if (ctx.mode === 'valid') return fc.uniqueArray(element, { minLength: min, maxLength, selector: stableKey });
  const candidates: fc.WeightedArbitrary<unknown[]>[] = [{ weight: 5, arbitrary: fc.array(element, { minLength: min, maxLength }) }];
  if (Number.isFinite(max) && max < 2_000) {
    candidates.push({ weight: 1, arbitrary: fc.array(element, { minLength: max + 1, maxLength: max + 1 }) });
  }
  return fc.oneof(...candidates);
}

const stableKey = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

function recordArbitrary(def: Def, ctx: Context): fc.Arbitrary<Record<string, unknown>> {
  const inner = { ...ctx, depth: ctx.depth + 1 };
  const keyDef = defOf(def.keyType as z.core.$ZodType);
  const value = build(def.valueType as z.core.$ZodType, inner);
  if (keyDef.type === 'enum') {
    // zod 4 wants every key of an enum-keyed record.
    const keys = Object.values(keyDef.entries as Record<string, string>);
    return fc.record(Object.fromEntries(keys.map((key) => [key, value])));
  }
  // Keys are text whatever the mode: both transports carry object keys as strings.
  const validKey = build(def.keyType as z.core.$ZodType, { ...inner, mode: 'valid' }).map(String);
  const key = ctx.mode === 'valid' ? validKey : fc.oneof(validKey, hostileText(), fc.constantFrom('__proto__', 'constructor'));
  return fc
    .array(fc.tuple(key, value), { maxLength: 4 })
    .map((entries) => entries.reduce<Record<string, unknown>>((target, [k, v]) => withOwnKey(target, k, v) as Record<string, unknown>, {}));
}
