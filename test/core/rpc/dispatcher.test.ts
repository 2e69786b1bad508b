import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppFailure } from '../../../shared/contract';
import type { AgentSummary } from '../../../shared/domain/agent';
import { dispatch } from '../../../electron/core/rpc/dispatcher';
import type { Caller, Handlers } from '../../../electron/core/rpc/handlers-type';

z.config(z.locales.fr());

const camille: AgentSummary = { id: 1, displayName: 'Camille Martin', role: 'agent' };
const seen: unknown[] = [];

// Only the calls these tests make: the dispatcher is under test, not the contract's completeness.
const someHandlers: Partial<Handlers> = {
  'app.info': () => ({ version: '1', demo: true, dataDir: '/tmp', canOpenFiles: false }),
  'session.agents': () => [{ ...camille, login: 'camille.martin' }],
  'session.signIn': (input, ctx) => {
    if (input.password !== 'demo') throw new AppFailure({ code: 'validation', message: 'Mot de passe incorrect.', fields: { password: 'Mot de passe incorrect.' } });
    ctx.begin(camille.id);
    return camille;
  },
  'session.current': (_i, ctx) => ctx.agent,
  'session.signOut': () => null,
  'desk.list': (input) => {
    seen.push(input);
    return { rows: [], next: null, total: 0 };
  },
  'desk.queues': () => {
    throw new Error('disk on fire');
  },
};
const handlers = someHandlers as Handlers;

/** A connection whose session is a plain variable: the dispatcher, not the session, is under test. */
function context(agent: AgentSummary | null = null): Caller & { agent: AgentSummary | null } {
  const caller = {
    agent,
    address: 'local',
    check: () => (caller.agent ? { kind: 'active' as const, agent: caller.agent } : { kind: 'none' as const }),
    begin: () => void (caller.agent = camille),
    end: () => void (caller.agent = null),
    endEverywhere: () => void (caller.agent = null),
    touch: () => undefined,
  };
  return caller;
}

const logged: string[] = [];
const log = (message: string) => void logged.push(message);

describe('dispatch', () => {
  it('answers a known call with its data in an ok envelope', async () => {
    expect(await dispatch(handlers, 'session.agents', {}, context(), log)).toEqual({ ok: true, data: [{ ...camille, login: 'camille.martin' }] });
  });

  it('refuses an unknown call name without reaching any handler', async () => {
    const result = await dispatch(handlers, 'desk.dropTables', {}, context(camille), log);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('refuses a bad payload with a French validation error naming the field', async () => {
    const result = await dispatch(handlers, 'session.signIn', { login: 42, password: '' }, context(), log);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.message).toMatch(/champs/);
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['login', 'password']);
    expect(result.error.fields?.password).toBe('Saisissez votre mot de passe.');
  });

  it('refuses unexpected keys on strict inputs', async () => {
    const result = await dispatch(handlers, 'session.agents', { admin: true }, context(), log);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('asks for sign-in before any agent call', async () => {
    const result = await dispatch(handlers, 'desk.list', { desk: { kind: 'in_progress' } }, context(), log);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('hands the parsed input, defaults applied, to the handler', async () => {
    seen.length = 0;
    await dispatch(handlers, 'desk.list', { desk: { kind: 'in_progress' } }, context(camille), log);
    // The schema's defaults (page size, sort…) reach the handler, not the raw input.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ desk: { kind: 'in_progress' }, limit: 100 });
  });

  it('keeps a service refusal as data, with its code and fields', async () => {
    const ctx = context();
    const result = await dispatch(handlers, 'session.signIn', { login: 'camille.martin', password: 'nope' }, ctx, log);
    expect(result).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Mot de passe incorrect.', fields: { password: 'Mot de passe incorrect.' } },
    });
    expect(ctx.agent).toBeNull();
  });

  it('turns an unexpected error into an internal error without leaking its text, and logs it', async () => {
    logged.length = 0;
    const result = await dispatch(handlers, 'desk.queues', {}, context(camille), log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(logged).toEqual(['call desk.queues failed']);
  });
});
