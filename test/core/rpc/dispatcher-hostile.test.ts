import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appErrorSchema, AppFailure, type Envelope } from '../../../shared/contract';
import type { AgentSummary } from '../../../shared/domain/agent';
import { dispatch, type Logger } from '../../../electron/core/rpc/dispatcher';
import type { Caller, Handlers } from '../../../electron/core/rpc/handlers-type';

z.config(z.locales.fr());

/**
 * Issue 11, point 7: whatever reaches the dispatcher (a hostile page, a broken handler, a broken
 * logger), it answers an envelope a transport can carry, and never throws into the host.
 */
const camille: AgentSummary = { id: 1, displayName: 'Camille Martin', role: 'agent' };
const signedIn: Caller = {
  address: 'local',
  check: () => ({ kind: 'active', agent: camille }),
  begin: () => undefined,
  end: () => undefined,
  endEverywhere: () => undefined,
  touch: () => undefined,
};

let answer: () => unknown = () => null;
// `desk.queues` answers whatever the test sets; `app.info` is public and takes nothing.
const handlers = {
  'desk.queues': () => answer(),
  'desk.list': () => ({ rows: [], next: null, total: 0 }),
  'app.info': () => answer(),
} as unknown as Handlers;

const logged: string[] = [];
const log: Logger = (message) => void logged.push(message);

/** An envelope, exactly: `ok` with data, or an error the contract's schema accepts; and JSON-safe. */
function expectEnvelope(result: Envelope<unknown>): void {
  expect(typeof result).toBe('object');
  if (result.ok) expect(() => JSON.stringify(result)).not.toThrow();
  else expect(appErrorSchema.safeParse(result.error).success).toBe(true);
}

const boom = () => {
  throw new Error('boom');
};
const throwingProxy = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });

describe('dispatch with hostile names', () => {
  const names: Array<[string, unknown]> = [
    ['an object whose toString throws', { toString: boom }],
    ['an object whose Symbol.toPrimitive throws', { [Symbol.toPrimitive]: boom }],
    ['a proxy that throws on every trap', throwingProxy],
    ['a symbol', Symbol('desk.list')],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['a name with control characters', 'desk.list\u0000\r\n<script>'],
    ['a huge string', 'x'.repeat(1_000_000)],
  ];

  it.each(names)('%s: unknown_call, in French, short', async (_label, name) => {
    const result = await dispatch(handlers, name, {}, signedIn, log);
    expectEnvelope(result);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call', message: expect.stringMatching(/^Appel inconnu/) } });
    if (!result.ok) expect(result.error.message.length).toBeLessThan(120);
    // Quoted back with letters, digits, dots and dashes only: no control character, no markup.
    if (!result.ok) expect(result.error.message.replace(/^Appel inconnu : /, '')).toMatch(/^[\p{L}\p{N}._?()-]*\.$/u);
  });
});

describe('dispatch with hostile inputs', () => {
  const inputs: Array<[string, unknown]> = [
    ['a getter that throws', { get desk() {
      throw new Error('boom');
    } }],
    ['a proxy that throws on every trap', throwingProxy],
    ['__proto__ keys', JSON.parse('{"__proto__": {"kind": "validation"}, "desk": {"kind": "in_progress", "__proto__": {"agentId": 2}}}')],
    ['a number', 42],
    ['an array', [1, 2]],
  ];

  it.each(inputs)('%s: an envelope, never a throw', async (_label, input) => {
    const result = await dispatch(handlers, 'desk.list', input, signedIn, log);
    expectEnvelope(result);
    if (!result.ok) expect(result.error.code).toBe('validation');
  });
});

describe('dispatch with hostile handlers and outputs', () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  let deep: unknown = null;
  for (let i = 0; i < 100_000; i++) deep = [deep];

  const answers: Array<[string, () => unknown]> = [
    ['a thrown string', () => {
      throw 'not an Error';
    }],
    ['a thrown null', () => {
      throw null;
    }],
    ['a thrown proxy', () => {
      throw throwingProxy;
    }],
    ['a rejected promise of undefined', () => Promise.reject(undefined)],
    ['an AppFailure carrying a malformed error', () => {
      throw new AppFailure({ code: 'nonsense', message: 42 } as never);
    }],
    ['a BigInt', () => [1n]],
    ['a circular object', () => circular],
    ['a function', () => ({ run: () => 1 })],
    ['NaN', () => ({ total: Number.NaN })],
    ['a class instance', () => [new Map([[1, 2]])]],
    ['a getter that throws', () => [{ get name() {
      throw new Error('boom');
    } }]],
    ['a proxy that throws on every trap', () => throwingProxy],
    ['100 000 nested arrays', () => deep],
  ];

  it.each(answers)('%s: internal, logged, in French', async (_label, produce) => {
    answer = produce;
    logged.length = 0;
    const result = await dispatch(handlers, 'desk.queues', {}, signedIn, log);
    expectEnvelope(result);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/erreur inattendue/) } });
    expect(logged).toEqual(['call desk.queues failed']);
  });

  it('a logger that throws does not turn the answer into a throw', async () => {
    answer = boom;
    const result = await dispatch(handlers, 'desk.queues', {}, signedIn, boom);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a session that cannot be read (database gone) answers internal', async () => {
    const broken: Caller = { ...signedIn, check: boom };
    const result = await dispatch(handlers, 'app.info', {}, broken, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('plain data still goes through, shared references included', async () => {
    const shared = { id: 1 };
    answer = () => [shared, shared, { nested: [null, true, 'x', 0, { empty: {} }] }, { gone: undefined }];
    const result = await dispatch(handlers, 'desk.queues', {}, signedIn, log);
    expect(result).toEqual({ ok: true, data: [shared, shared, { nested: [null, true, 'x', 0, { empty: {} }] }, { gone: undefined }] });
  });
});
