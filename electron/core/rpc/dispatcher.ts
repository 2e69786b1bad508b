import {
  AppFailure,
  callDef,
  fail,
  isCallName,
  ok,
  validationError,
  type Envelope,
} from '../../../shared/contract';
import type { AgentContext, CallContext, Handlers } from './handlers-type';

export type Logger = (message: string, error: unknown) => void;

/**
 * The single entry of every call from every transport: name checked against the contract, input
 * validated by its schema, access checked, then the handler; whatever happens, an envelope.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  ctx: CallContext,
  log: Logger,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return fail({ code: 'unknown_call', message: `Appel inconnu : ${String(name).slice(0, 80)}.` });
  }
  const def = callDef(name);
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail(validationError(parsed.error.issues));
  if (def.access === 'agent' && !ctx.agent) {
    return fail({ code: 'unauthenticated', message: 'Votre session a expiré : reconnectez-vous.' });
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: AgentContext) => unknown;
    return ok(await handler(parsed.data, ctx as AgentContext));
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.error);
    log(`call ${name} failed`, error);
    return fail({ code: 'internal', message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.' });
  }
}
