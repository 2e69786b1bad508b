import {
  AppFailure,
  callDef,
  fail,
  isCallName,
  ok,
  validationError,
  type Envelope,
} from '../../../shared/contract';
import type { AgentContext, Caller, CallContext, Handlers } from './handlers-type';

export type Logger = (message: string, error: unknown) => void;

const signInFirst = 'Votre session a expiré : reconnectez-vous.';

/**
 * The single entry of every call from every transport: name checked against the contract, the
 * caller's session read again (who they are now, not at sign-in), access checked, input validated
 * by its schema, then the handler; whatever happens, an envelope.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  caller: Caller,
  log: Logger,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return fail({ code: 'unknown_call', message: `Appel inconnu : ${String(name).slice(0, 80)}.` });
  }
  const def = callDef(name);
  const session = caller.check();
  const agent = session.kind === 'active' ? session.agent : null;
  if (def.access === 'agent' && !agent) {
    // Before parsing: nobody makes the core read a large input without being signed in.
    return fail({ code: 'unauthenticated', message: session.kind === 'ended' ? session.message : signInFirst });
  }
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail(validationError(parsed.error.issues));
  const ctx: CallContext = { agent, begin: (id) => caller.begin(id), end: () => caller.end() };
  try {
    const handler = handlers[name] as (input: unknown, ctx: AgentContext) => unknown;
    return ok(await handler(parsed.data, ctx as AgentContext));
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.error);
    log(`call ${name} failed`, error);
    return fail({ code: 'internal', message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.' });
  }
}
