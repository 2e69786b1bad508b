import { z } from 'zod';

/**
 * `public` calls work before sign-in (the sign-in screen needs them); every other call needs a
 * signed-in agent, checked by the dispatcher before any service sees it.
 */
export type Access = 'public' | 'agent';

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access = 'agent',
): CallDef<I, O> => ({ input, output, access });

export type Namespace = Record<string, CallDef>;

/** The input of a call that takes nothing: strict, so a stray key is refused, not ignored. */
export const none = z.object({}).strict();
