import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail } from '../../../shared/contract';
import { createCore } from '../../../electron/core/create-core';
import { apiOf } from '../../support/connection-api';
import { startDemoCore, type DemoCore } from '../services/admin/demo-core';
import { fixedClock, migrationsFolder } from '../temp-database';

/**
 * Issue 11, point 5: an agent signs in with their login, as on any real centre; the sign-in screen
 * lists the accounts only in the demo, and a wrong login reads exactly as a wrong password.
 */
let demo: DemoCore;
beforeAll(() => void (demo = startDemoCore()));
afterAll(() => demo.dispose());

const anonymous = () => {
  const connection = demo.core.connect();
  return { call: (name: string, input: unknown) => connection.call(name, input) };
};

describe('session.signIn by login', () => {
  it('signs in with the login, whatever its case, and answers who signed in', async () => {
    const window = anonymous();
    expect(await window.call('session.signIn', { login: ' Camille.Martin ', password: 'demo' })).toMatchObject({
      ok: true,
      data: { displayName: 'Camille Martin', role: 'agent' },
    });
    expect(await window.call('session.current', {})).toMatchObject({ ok: true, data: { displayName: 'Camille Martin' } });
  });

  it('answers a wrong login, a wrong password and a deactivated account alike', async () => {
    const admin = await demo.as('Admin Unified');
    await admin.admin.createAgent({ login: 'ancien', displayName: 'Ancien Agent', role: 'agent', password: 'motdepasse', active: false });
    const window = anonymous();
    const wrongLogin = await window.call('session.signIn', { login: 'personne', password: 'demo' });
    const wrongPassword = await window.call('session.signIn', { login: 'camille.martin', password: 'faux' });
    const inactive = await window.call('session.signIn', { login: 'ancien', password: 'motdepasse' });
    const message = 'Identifiant ou mot de passe incorrect.';
    expect(wrongPassword).toEqual(fail({ code: 'validation', message, fields: { password: message } }));
    expect(wrongLogin).toEqual(wrongPassword);
    expect(inactive).toEqual(wrongPassword);
    expect(await window.call('session.current', {})).toEqual({ ok: true, data: null });
  });

  it('asks for the login in French when it is missing, and no longer takes an agent id', async () => {
    const window = anonymous();
    expect(await window.call('session.signIn', { login: '  ', password: 'demo' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { login: 'Saisissez votre identifiant.' } },
    });
    expect(await window.call('session.signIn', { agentId: 1, password: 'demo' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { login: expect.any(String) } },
    });
  });
});

describe('session.agents', () => {
  it('lists the demo’s active accounts with their logins, for the demo’s sign-in screen', async () => {
    const result = await anonymous().call('session.agents', {});
    expect(result).toMatchObject({ ok: true });
    const accounts = result.ok ? (result.data as Array<{ login: string; displayName: string }>) : [];
    expect(accounts.map((a) => [a.login, a.displayName])).toEqual([
      ['admin', 'Admin Unified'],
      ['camille.martin', 'Camille Martin'],
      ['lucas.bernard', 'Lucas Bernard'],
      ['sophie.durand', 'Sophie Durand'],
    ]);
  });

  it('gives way, once signed in, to session.colleagues: who handles cases, on any centre', async () => {
    expect(await anonymous().call('session.colleagues', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const sophie = await demo.as('Sophie Durand');
    expect((await sophie.session.colleagues()).map((a) => a.displayName)).toEqual(['Camille Martin', 'Lucas Bernard', 'Sophie Durand']);
  });

  it('lists nobody on a centre that is not the demo', async () => {
    // A real centre, made as its administrator makes it at first start: no list to pick a name from.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-real-centre-'));
    const real = createCore({ dataDir, migrationsFolder, clock: fixedClock() });
    try {
      const window = apiOf(real.connect());
      await window.setup.createCentre({ centreName: 'Mutuelle du Val', login: 'claire.admin', displayName: 'Claire Admin', password: 'Vingt-deux lapins !' });
      expect(await apiOf(real.connect()).session.agents()).toEqual([]);
    } finally {
      real.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
