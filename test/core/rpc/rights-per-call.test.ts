import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/contract';
import type { AgentAccount } from '../../../shared/domain/admin/agent-account-schema';
import { refusal, startDemoCore, type DemoCore } from '../services/admin/demo-core';

/**
 * Issue 11, point 1: the connection keeps who signed in, never what they could do then. A role or
 * an active flag changed by the administrator applies to the very next call of an open session.
 */
let demo: DemoCore;
let admin: Api;

beforeEach(async () => {
  demo = startDemoCore();
  admin = await demo.as('Admin Unified');
});
afterEach(() => demo.dispose());

async function account(login: string): Promise<AgentAccount> {
  const found = (await admin.admin.agents()).find((a) => a.login === login);
  if (!found) throw new Error(`no account ${login}`);
  return found;
}

/** The administration screen sends the whole account back with the one change. */
async function change(login: string, patch: Partial<AgentAccount>): Promise<void> {
  const { id, displayName, role, email, grants, signatureHtml, active } = { ...(await account(login)), ...patch };
  await admin.admin.updateAgent({ id, login, displayName, role, email: email ?? '', grants, signatureHtml, active });
}

describe('rights read at every call, not at sign-in', () => {
  it('a supervisor demoted to agent while signed in loses every agent’s desks, Validation and the wide search', async () => {
    const sophie = await demo.as('Sophie Durand');
    const camille = await account('camille.martin');
    const camilleDesk = { desk: { kind: 'in_progress' as const, agentId: camille.id } };
    const theirs = await sophie.desk.list(camilleDesk);
    expect(theirs.rows.length).toBeGreaterThan(0);
    const number = theirs.rows[0]?.number ?? '';
    expect((await sophie.desk.list({ desk: { kind: 'validation' } })).total).toBeGreaterThanOrEqual(0);
    expect((await sophie.desk.search({ q: number })).rows.map((row) => row.number)).toContain(number);

    await change('sophie.durand', { role: 'agent' });

    expect((await refusal(sophie.desk.list(camilleDesk))).code).toBe('forbidden');
    expect((await refusal(sophie.desk.list({ desk: { kind: 'validation' } }))).code).toBe('forbidden');
    expect((await sophie.desk.search({ q: number })).rows.map((row) => row.number)).not.toContain(number);
    // The session itself says who she is now.
    expect(await sophie.session.current()).toMatchObject({ displayName: 'Sophie Durand', role: 'agent' });
  });

  it('a deactivated account’s open session ends at its next call, in French', async () => {
    // A supervisor with no case and no queue: the administrator may deactivate her at once.
    await admin.admin.createAgent({ login: 'nadia.roux', displayName: 'Nadia Roux', role: 'supervisor', password: 'motdepasse' });
    const nadia = await demo.as('Nadia Roux', 'motdepasse');
    expect((await nadia.desk.list({ desk: { kind: 'validation' } })).rows).toBeDefined();

    await change('nadia.roux', { active: false });

    const error = await refusal(nadia.desk.list({ desk: { kind: 'validation' } }));
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toMatch(/compte.*désactivé/);
    // Ended, not merely refused: the connection is signed out even once the account comes back.
    expect(await nadia.session.current()).toBeNull();
    await change('nadia.roux', { active: true });
    expect((await refusal(nadia.desk.queues())).code).toBe('unauthenticated');
  });
});
