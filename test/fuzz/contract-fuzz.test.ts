import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorSchema, callDef, callNames, type CallName, type Envelope } from '../../shared/contract';
import type { Role } from '../../shared/domain/agent';
import { callInputs, type CallInputs } from './contract-inputs';
import { maySucceed } from './call-rights';
import { changedTables } from './database-watch';
import { fuzzRoles, startFuzzWorld, type FuzzRole, type FuzzWorld } from './fuzz-world';
import { neutralise } from './outside-effects';

/**
 * The whole contract under generated calls (issue 11, "Harden the contract"): every call, from its
 * own schema (`contract-inputs.ts`) and hostile variants, as an agent, a supervisor, an
 * administrator and a connection that never signed in. Each call must answer an envelope (its data
 * as the contract's output schema says), never `internal`, within `callTimeoutMs`, never succeed
 * beyond the caller's rights where the contract names them (`call-rights.ts`); a refused call must
 * leave the database as it was. A failing input is shrunk by fast-check and printed with the
 * core's stack. `FUZZ_SEED` replays a run (the core's clock is fixed, so the run is the same).
 */

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** `FUZZ_ONLY=creation.submit,cases.act`: those calls alone, to chase one finding (the call count is then not checked). */
const only = process.env.FUZZ_ONLY?.split(',');
const fuzzedCalls = only ? callNames.filter((name) => only.includes(name)) : callNames;
/** Rounds over every call and role: later rounds meet the state earlier ones left. */
const rounds = 2;
const runsPerRound = 44;
/**
 * Calls that hash a password (scrypt, about 50 ms each), or after which the fuzz signs in again
 * (`session.signOut`): fewer runs, or they alone would take the minute.
 */
const slowCalls: ReadonlySet<CallName> = new Set(['session.signIn', 'session.signOut', 'admin.createAgent', 'admin.setAgentPassword']);
const slowRunsPerRound = 10;
const callTimeoutMs = 5_000;
/** Every refused call is checked by `PRAGMA data_version`; one call in this many also by a checksum of every table. */
const checksumEvery = 50;
const minimumCalls = 20_000;
/** Then this many bursts of up to `burstSize` calls sent together. */
const bursts = 100;
const burstSize = 8;

/**
 * Calls whose failures come from code another engineer is changing right now: still sent, their
 * failures still printed, but they do not fail the run. The integrator empties this list once the
 * fixes are merged.
 */
const knownFailuresToFixBeforeMerge: readonly CallName[] = [];

type FailureKind = 'internal' | 'not an envelope' | 'output off contract' | 'hang' | 'refused call wrote' | 'beyond rights';

class FuzzFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

interface Finding {
  /** `cases.act as agent`, or `a burst` for calls sent together. */
  where: string;
  error: string;
  input: string;
  known: boolean;
}

const outcomes = new Map<CallName, Map<string, number>>();
/** Time spent inside each call, in ms: where the run's minute goes. */
const timeInCall = new Map<CallName, number>();
/** The longest single call, to see how far the run stays from `callTimeoutMs`. */
let slowest = { name: '', ms: 0 };
let callsMade = 0;
let checksums = 0;
let world: FuzzWorld;

beforeAll(async () => {
  world = await startFuzzWorld();
});
afterAll(async () => {
  await world?.dispose();
});

const roleOf: Readonly<Record<FuzzRole, Role | null>> = { agent: 'agent', supervisor: 'supervisor', administrator: 'administrator', anonymous: null };

const timedOut = Symbol('timed out');

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof timedOut> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function count(name: CallName, outcome: string): void {
  const byOutcome = outcomes.get(name) ?? new Map<string, number>();
  byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  outcomes.set(name, byOutcome);
}

const stackOf = (logged: unknown[]) =>
  logged.map((error) => (error instanceof Error ? (error.stack ?? error.message) : String(error))).join('\n') || '(nothing logged)';

/** Throws a `FuzzFailure` unless the answer is an envelope of this call. */
function checkEnvelope(name: CallName, answer: unknown, logged: unknown[]): asserts answer is Envelope<unknown> {
  const shape = answer as { ok?: unknown; data?: unknown; error?: unknown } | null;
  if (shape?.ok === true && 'data' in shape) {
    const output = callDef(name).output.safeParse(shape.data);
    if (!output.success) throw new FuzzFailure('output off contract', JSON.stringify(output.error.issues.slice(0, 3)));
    return;
  }
  if (shape?.ok !== false || !appErrorSchema.safeParse(shape.error).success) {
    throw new FuzzFailure('not an envelope', String(JSON.stringify(answer)).slice(0, 300));
  }
  const error = appErrorSchema.parse(shape.error);
  if (error.code === 'internal') throw new FuzzFailure('internal', stackOf(logged));
}

let lastChecksum: { version: number; sums: Map<string, string> } | null = null;

/**
 * The checksum of every table. Before a call, the last one is reused while `data_version` says no
 * commit happened since (were that wrong, the comparison would fail, never pass, wrongly); after a
 * call (`version` null) it is always computed afresh.
 */
function checksumAt(version: number | null): Map<string, string> {
  if (version !== null && lastChecksum?.version === version) return lastChecksum.sums;
  checksums += 1;
  lastChecksum = { version: world.watch.version(), sums: world.watch.checksum() };
  return lastChecksum.sums;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The case's current version in place of the generated one (`cases.act`, `cases.setQualification`):
 * a version drawn at random is almost always stale, and `conflict` stops the call before the case
 * machine runs.
 */
function atCurrentVersion(input: unknown): unknown {
  if (!isRecord(input) || typeof input.caseId !== 'number' || typeof input.version !== 'number') return input;
  const version = world.caseVersion(input.caseId);
  return version === undefined ? input : { ...input, version };
}

/** The call as sent: aimed at the case's current version when asked, then neutralised. */
const prepared = (name: CallName, generated: unknown, currentVersion: boolean): unknown =>
  neutralise(name, currentVersion ? atCurrentVersion(generated) : generated, world.neutralisers);

/** Sends one call and judges what needs no look at the database: envelope, `internal`, hang, rights. */
async function answerOf(role: FuzzRole, name: CallName, input: unknown): Promise<Envelope<unknown>> {
  callsMade += 1;
  const started = performance.now();
  try {
    const answer = await withTimeout(world.connection(role).call(name, input), callTimeoutMs);
    const elapsed = performance.now() - started;
    timeInCall.set(name, (timeInCall.get(name) ?? 0) + elapsed);
    if (elapsed > slowest.ms) slowest = { name, ms: elapsed };
    if (answer === timedOut) throw new FuzzFailure('hang', `no answer within ${callTimeoutMs} ms`);
    // A call that blocks the event loop cannot be raced: it is caught when it returns.
    if (elapsed > callTimeoutMs) throw new FuzzFailure('hang', `blocked the core for ${Math.round(elapsed)} ms`);
    checkEnvelope(name, answer, world.takeLogged());
    count(name, answer.ok ? 'ok' : answer.error.code);
    if (answer.ok && !maySucceed(roleOf[role], name)) throw new FuzzFailure('beyond rights', `answered ok to the ${role}`);
    return answer;
  } finally {
    if (name.startsWith('session.')) await world.restoreSession(role);
  }
}

/** One generated call, and everything the fuzz asserts about it. */
async function sendOne(role: FuzzRole, name: CallName, generated: unknown, currentVersion: boolean): Promise<void> {
  const input = prepared(name, generated, currentVersion);
  const version = world.watch.version();
  const sumBefore = callsMade % checksumEvery === 0 ? checksumAt(version) : null;
  world.takeLogged();
  const answer = await answerOf(role, name, input);
  if (answer.ok) return;
  if (world.watch.version() !== version) throw new FuzzFailure('refused call wrote', `answered ${answer.error.code} but committed a change`);
  if (sumBefore) {
    const changed = changedTables(sumBefore, checksumAt(null));
    if (changed.length > 0) throw new FuzzFailure('refused call wrote', `answered ${answer.error.code}; changed ${changed.join(', ')}`);
  }
}

interface BurstCall {
  role: FuzzRole;
  name: CallName;
  input: unknown;
  currentVersion: boolean;
}

/**
 * Calls sent together, as a client may over the WebSocket: the async handlers (files, mailboxes,
 * secrets) interleave. Each answer is judged as above; the database only when all were refused.
 */
async function sendBurst(burst: readonly BurstCall[]): Promise<void> {
  const version = world.watch.version();
  world.takeLogged();
  const settled = await Promise.allSettled(burst.map((c) => answerOf(c.role, c.name, prepared(c.name, c.input, c.currentVersion))));
  const failed = settled.findIndex((result) => result.status === 'rejected');
  if (failed >= 0) {
    const { name, role } = burst[failed] as BurstCall;
    throw new Error(`${name} as ${role}: ${String((settled[failed] as PromiseRejectedResult).reason)}`);
  }
  const answers = settled.map((result) => (result as PromiseFulfilledResult<Envelope<unknown>>).value);
  if (answers.every((answer) => !answer.ok) && world.watch.version() !== version) {
    throw new FuzzFailure('refused call wrote', 'every call of the burst was refused, yet a change was committed');
  }
}

/** Long inputs (100 kB strings) printed by their two ends. */
function printable(input: unknown): string {
  const text = fc.stringify(input);
  return text.length <= 1_500 ? text : `${text.slice(0, 700)} …(${text.length} characters)… ${text.slice(-300)}`;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function fuzzCall(role: FuzzRole, name: CallName, inputs: CallInputs, numRuns: number, propertySeed: number): Promise<Finding | null> {
  const property = fc.asyncProperty(fc.oneof(inputs.valid, inputs.hostile), fc.boolean(), (input, currentVersion) =>
    sendOne(role, name, input, currentVersion),
  );
  const details = await fc.check(property, { numRuns, seed: propertySeed });
  if (!details.failed) return null;
  const [input, currentVersion] = details.counterexample ?? [];
  return {
    where: `${name} as ${role}`,
    error: errorText(details.errorInstance),
    input: `${printable(input)}${currentVersion ? ' (any case version set to the current one)' : ''}`,
    known: knownFailuresToFixBeforeMerge.includes(name),
  };
}

/** Bursts of calls of any kind by any role, the slow ones left out (their scrypt would serialise the burst). */
async function fuzzBursts(inputs: Map<CallName, CallInputs>, propertySeed: number): Promise<Finding | null> {
  const names = fuzzedCalls.filter((name) => !slowCalls.has(name));
  const burstCall = fc.constantFrom(...names).chain((name) => {
    const { valid, hostile } = inputs.get(name) as CallInputs;
    return fc.record({ role: fc.constantFrom(...fuzzRoles), name: fc.constant(name), input: fc.oneof(valid, hostile), currentVersion: fc.boolean() });
  });
  const property = fc.asyncProperty(fc.array(burstCall, { minLength: 2, maxLength: burstSize }), sendBurst);
  const details = await fc.check(property, { numRuns: bursts, seed: propertySeed });
  if (!details.failed) return null;
  const error = errorText(details.errorInstance);
  return {
    where: 'a burst',
    error,
    input: printable(details.counterexample?.[0]),
    known: knownFailuresToFixBeforeMerge.some((name) => error.startsWith(`${name} as `)),
  };
}

function report(findings: Finding[], seconds: number): void {
  const inCalls = [...timeInCall.values()].reduce((a, b) => a + b, 0) / 1000;
  const lines = [
    `contract fuzz: ${callsMade} calls in ${seconds.toFixed(1)} s, ${inCalls.toFixed(1)} s of them inside the core (seed ${seed}; ${checksums} full checksums; slowest call ${slowest.name} ${Math.round(slowest.ms)} ms)`,
  ];
  for (const name of fuzzedCalls) {
    const byOutcome = [...(outcomes.get(name) ?? new Map<string, number>())].map(([outcome, n]) => `${outcome} ${n}`);
    lines.push(`  ${name.padEnd(28)} ${String(Math.round(timeInCall.get(name) ?? 0)).padStart(6)} ms  ${byOutcome.join(', ')}`);
  }
  for (const finding of findings) {
    lines.push(`\n${finding.known ? 'KNOWN ' : ''}FAILURE ${finding.where}: ${finding.error}\n  input: ${finding.input}`);
  }
  console.log(lines.join('\n'));
}

describe('the contract under generated calls', () => {
  it(
    'answers each call with an envelope, never internal, never hangs, and a refused call changes nothing',
    async () => {
      const started = performance.now();
      const inputs = new Map(fuzzedCalls.map((name) => [name, callInputs(name, world.today, world.pools)]));
      const findings: Finding[] = [];
      let property = 0;
      for (let round = 0; round < rounds; round += 1) {
        const [order] = fc.sample(fc.shuffledSubarray([...fuzzedCalls], { minLength: fuzzedCalls.length }), { seed: seed + round, numRuns: 1 });
        for (const name of order ?? fuzzedCalls) {
          const numRuns = slowCalls.has(name) ? slowRunsPerRound : runsPerRound;
          for (const role of fuzzRoles) {
            property += 1;
            const finding = await fuzzCall(role, name, inputs.get(name) as CallInputs, numRuns, seed + property);
            if (finding) findings.push(finding);
          }
        }
      }
      const burstFinding = await fuzzBursts(inputs, seed + property + 1);
      if (burstFinding) findings.push(burstFinding);
      report(findings, (performance.now() - started) / 1000);

      expect(findings.filter((finding) => !finding.known).map((f) => `${f.where}: ${f.error.split('\n')[0]}`)).toEqual([]);
      if (!only) expect(callsMade).toBeGreaterThanOrEqual(minimumCalls);
      // Hostile keys went in as own properties: none may have reached every object's prototype.
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
    // A guard against a run that never ends, not a speed limit: on a loaded machine the minute
    // the run takes alone may stretch several times.
    600_000,
  );
});
