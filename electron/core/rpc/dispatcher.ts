import {
  AppFailure,
  appErrorSchema,
  callDef,
  fail,
  internalError,
  isCallName,
  ok,
  validationError,
  type AppError,
  type CallName,
  type Envelope,
} from '../../../shared/contract';
import type { AgentContext, Caller, CallContext, Handlers } from './handlers-type';
import { isPlainData } from './plain-data';

export type Logger = (message: string, error: unknown) => void;

const signInFirst = 'Votre session a expiré : reconnectez-vous.';
const unreadable: AppError = { code: 'validation', message: 'Certains champs ne sont pas valides.', fields: {} };

/**
 * The single entry of every call from every transport: name checked against the contract, the
 * caller's session read again (who they are now, not at sign-in), access checked, input validated
 * by its schema, then the handler. Whatever happens, and whatever comes in (a hostile page, a
 * broken handler, a broken logger), an envelope a transport can carry: never a throw into the host.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  caller: Caller,
  log: Logger,
): Promise<Envelope<unknown>> {
  let known: CallName | null = null;
  try {
    if (!isCallName(name)) return fail({ code: 'unknown_call', message: `Appel inconnu : ${describeName(name)}.` });
    known = name;
    return await route(handlers, name, rawInput, caller, log);
  } catch (error) {
    safeLog(log, `call ${known ?? 'unknown'} failed`, error);
    return fail(internalError);
  }
}

async function route(handlers: Handlers, name: CallName, rawInput: unknown, caller: Caller, log: Logger): Promise<Envelope<unknown>> {
  const def = callDef(name);
  const session = caller.check();
  const agent = session.kind === 'active' ? session.agent : null;
  if (def.access === 'agent' && !agent) {
    // Before parsing: nobody makes the core read a large input without being signed in.
    return fail({ code: 'unauthenticated', message: session.kind === 'ended' ? session.message : signInFirst });
  }
  const parsed = parseInput(def.input, rawInput);
  if (!parsed.success) return fail(parsed.error);
  if (agent) caller.touch();
  const ctx: CallContext = {
    agent,
    address: caller.address,
    begin: (id) => caller.begin(id),
    end: () => caller.end(),
    endEverywhere: () => caller.endEverywhere(),
  };
  let data: unknown;
  try {
    const handler = handlers[name] as (input: unknown, ctx: AgentContext) => unknown;
    data = await handler(parsed.data, ctx as AgentContext);
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return fail(refusal);
    safeLog(log, `call ${name} failed`, error);
    return fail(internalError);
  }
  if (isPlainData(data)) return ok(data);
  safeLog(log, `call ${name} failed`, new Error('its answer is not plain data (cycle, BigInt, function, class…)'));
  return fail(internalError);
}

/** A getter or a Proxy that throws while the schema reads it is an unreadable input, not a fault of ours. */
function parseInput(schema: ReturnType<typeof callDef>['input'], rawInput: unknown) {
  try {
    const parsed = schema.safeParse(rawInput ?? {});
    return parsed.success ? parsed : { success: false as const, error: validationError(parsed.error.issues) };
  } catch {
    return { success: false as const, error: unreadable };
  }
}

/** A service's refusal, if well formed; anything else thrown (a string, a Proxy…) is a fault. */
function refusalOf(error: unknown): AppError | null {
  try {
    if (!(error instanceof AppFailure)) return null;
    const checked = appErrorSchema.safeParse(error.error);
    return checked.success && isPlainData(checked.data) ? checked.data : null;
  } catch {
    return null;
  }
}

/** The name as the refusal quotes it: letters, digits, dots and dashes only, at most 80. */
function describeName(name: unknown): string {
  if (typeof name !== 'string') return `(${typeof name})`;
  return name.slice(0, 80).replace(/[^\p{L}\p{N}._-]/gu, '?');
}

/** A logger that throws has nowhere to report to: the caller still gets its answer. */
function safeLog(log: Logger, message: string, error: unknown): void {
  try {
    log(message, error);
  } catch {
    // Nothing left to tell: the envelope itself says something went wrong.
  }
}
