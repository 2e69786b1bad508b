import type { z } from 'zod';
import { calls, type Calls } from './calls';
import type { CallDef } from './define';

/** `namespace.method` for every call of the contract. */
export type CallName = {
  [N in keyof Calls]: { [M in keyof Calls[N]]: `${N & string}.${M & string}` }[keyof Calls[N]];
}[keyof Calls];

type DefOf<K extends CallName> = K extends `${infer N}.${infer M}`
  ? N extends keyof Calls
    ? M extends keyof Calls[N]
      ? Calls[N][M]
      : never
    : never
  : never;

export type CallInput<K extends CallName> = DefOf<K> extends CallDef<infer I, z.ZodType> ? z.input<I> : never;
/** What a handler receives: the schema's output (defaults applied). */
export type CallParsedInput<K extends CallName> = DefOf<K> extends CallDef<infer I, z.ZodType> ? z.output<I> : never;
export type CallOutput<K extends CallName> = DefOf<K> extends CallDef<z.ZodType, infer O> ? z.infer<O> : never;

export const callNames: readonly CallName[] = Object.entries(calls).flatMap(([ns, methods]) =>
  Object.keys(methods).map((m) => `${ns}.${m}` as CallName),
);

const byName = new Map<string, CallDef>(
  Object.entries(calls).flatMap(([ns, methods]) =>
    Object.entries(methods as Record<string, CallDef>).map(([m, def]) => [`${ns}.${m}`, def] as const),
  ),
);

export const isCallName = (name: unknown): name is CallName => typeof name === 'string' && byName.has(name);
export const callDef = (name: CallName): CallDef => byName.get(name) as CallDef;
