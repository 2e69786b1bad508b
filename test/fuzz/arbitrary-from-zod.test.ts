import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callNames } from '../../shared/contract';
import { hostileArbitrary, validArbitrary } from './arbitrary-from-zod';
import { callInputs, inputSchemaOf, type InputPools } from './contract-inputs';
import { hugeLength } from './hostile-values';

const today = new Date('2025-03-14T10:00:00.000Z');

/** One of every kind the contract uses, with the checks its fields carry. */
const everyKind = z
  .object({
    id: z.number().int().positive(),
    limit: z.number().int().min(1).max(500).default(100),
    ratio: z.number().gt(0).lt(1),
    name: z.string().trim().min(1).max(20),
    login: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,50}$/),
    email: z.email().max(254),
    day: z.iso.date(),
    active: z.boolean(),
    role: z.enum(['agent', 'supervisor']),
    kind: z.literal('case'),
    either: z.union([z.number().int(), z.string().max(3)]),
    desk: z.discriminatedUnion('kind', [z.object({ kind: z.literal('queue'), queueId: z.number().int() }), z.object({ kind: z.literal('mine') })]),
    ids: z.array(z.number().int().positive()).min(1).max(50).refine((ids) => new Set(ids).size === ids.length),
    note: z.string().max(5).optional(),
    parent: z.number().int().nullable(),
    fields: z.record(z.string(), z.string().max(10)),
    blankIsNone: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value : undefined))
      .pipe(z.email().optional()),
    pair: z.tuple([z.string(), z.number()]),
  })
  .strict();

describe('arbitraries read from a zod schema', () => {
  it('gives values the schema accepts, for every kind of field the contract uses', () => {
    fc.assert(fc.property(validArbitrary(everyKind), (value) => everyKind.safeParse(value).success), { numRuns: 300 });
  });

  it('leans integer ids to the demo range, where calls find something', () => {
    const ids = fc.sample(validArbitrary(z.number().int().positive()), { numRuns: 1000, seed: 1 }) as number[];
    expect(ids.filter((id) => id >= 1 && id <= 30).length).toBeGreaterThan(500);
  });

  it('gives hostile values of every sort: wrong types, own __proto__ keys, huge text, FTS5 syntax, controls', () => {
    const samples = fc.sample(hostileArbitrary(everyKind), { numRuns: 600, seed: 2 });
    const texts = samples.flatMap((sample) => (typeof sample === 'object' && sample !== null ? Object.values(sample) : [])).filter((v) => typeof v === 'string');
    expect(samples.some((sample) => typeof sample !== 'object' || sample === null || Array.isArray(sample))).toBe(true);
    expect(samples.some((sample) => typeof sample === 'object' && sample !== null && Object.hasOwn(sample, '__proto__'))).toBe(true);
    expect(texts.some((text) => text.length >= hugeLength)).toBe(true);
    expect(texts.some((text) => /NEAR\(|" OR |\^/.test(text))).toBe(true);
    expect(texts.some((text) => /[\r\n\0\u202e]/.test(text))).toBe(true);
  });

  it('mixes nasty text into valid values too, within the lengths allowed, so that it reaches the handlers', () => {
    const names = fc.sample(validArbitrary(everyKind), { numRuns: 300, seed: 4 }).map((value) => (value as { name: string }).name);
    expect(names.some((name) => /[\r\n\0\u202e"*^(]/.test(name) && name.length <= 20)).toBe(true);
  });
});

describe('the contract fuzz inputs', () => {
  const pools: InputPools = {
    emails: ['jeanne.dupont@example.com'],
    staged: [],
    creation: {
      forms: [{ id: 1, name: 'E-mail', media: 'email', standard: true, fields: [] }],
      queues: [{ id: 1, name: 'Service clients', media: 'email', mode: 'pull', actions: ['close', 'assign_to_me', 'reply_and_close'] }],
      qualifications: [],
      agents: [],
      defaultCountry: 'FR',
    },
  };

  it.each(callNames)('%s: one valid-shaped input in ten at least passes its schema', (name) => {
    const schema = inputSchemaOf(name, today, pools.creation);
    const inputs = fc.sample(callInputs(name, today, pools).valid, { numRuns: 60, seed: 3 });
    expect(inputs.filter((input) => z.safeParse(schema, input).success).length).toBeGreaterThanOrEqual(6);
  });
});
