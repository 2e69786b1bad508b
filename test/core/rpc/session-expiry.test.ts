import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/core/create-core';
import type { EventName } from '../../../shared/contract';
import { caseBySubject, logins, ok, refusal, startDemoCore, type CaseCore, type Person } from '../services/cases/case-fixture';

/**
 * Issue 11, point 6: a session ends after the idle time the administrator sets (8 hours unless
 * changed), and « Se déconnecter partout » ends every session of the agent at once.
 */
const hour = 3_600_000;
const minute = 60_000;

let t: CaseCore;
beforeEach(() => void (t = startDemoCore()));
afterEach(() => t.dispose());

/** A new window signed in as this person (the fixture's `as` keeps one per person). */
async function window(person: Person): Promise<Connection> {
  const connection = t.core.connect();
  await ok(connection, 'session.signIn', { login: logins[person], password: 'demo' });
  return connection;
}

function listen(connection: Connection): Array<{ name: EventName; payload: unknown }> {
  const heard: Array<{ name: EventName; payload: unknown }> = [];
  connection.onEvent((name, payload) => void heard.push({ name, payload }));
  return heard;
}

const desk = { desk: { kind: 'in_progress' } };

describe('idle sessions', () => {
  it('end after 8 hours without a call by default, in French; any call keeps them alive', async () => {
    const camille = await window('camille');
    for (let i = 0; i < 4; i++) {
      t.clock.advance(7 * hour + 59 * minute);
      await ok(camille, 'desk.list', desk);
    }
    t.clock.advance(8 * hour + 1);
    const error = await refusal(camille, 'desk.list', desk);
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toBe('Votre session a pris fin après 8 h sans activité : reconnectez-vous.');
    expect(await ok(camille, 'session.current', {})).toBeNull();
    await ok(camille, 'session.signIn', { login: 'camille.martin', password: 'demo' });
    expect(await ok(camille, 'desk.list', desk)).toMatchObject({ total: expect.any(Number) });
  });

  it('follow the idle time the administrator sets, from the next call on', async () => {
    const admin = await window('admin');
    const settings = await ok(admin, 'admin.settings', {});
    expect(settings.sessionIdleMinutes).toBe(480);
    const camille = await window('camille');
    await ok(admin, 'admin.updateSettings', { ...settings, sessionIdleMinutes: 30 });
    t.clock.advance(29 * minute);
    await ok(camille, 'desk.list', desk);
    t.clock.advance(31 * minute);
    expect(await refusal(camille, 'desk.list', desk)).toMatchObject({
      code: 'unauthenticated',
      message: 'Votre session a pris fin après 30 min sans activité : reconnectez-vous.',
    });
  });

  it('refuses an idle time below 5 minutes or above a week, on its field', async () => {
    const admin = await window('admin');
    const settings = await ok(admin, 'admin.settings', {});
    for (const sessionIdleMinutes of [0, 4, 10_081, 1.5]) {
      const error = await refusal(admin, 'admin.updateSettings', { ...settings, sessionIdleMinutes });
      expect(error.fields?.sessionIdleMinutes).toEqual(expect.any(String));
    }
  });

  it('an expired window hears session.ended instead of the next change, then nothing', async () => {
    const camille = await window('camille');
    const heard = listen(camille);
    t.clock.advance(8 * hour + 1);
    const lucas = await window('lucas');
    const { id } = caseBySubject(t.core, 'Retard de livraison sur chantier');
    await ok(lucas, 'cases.addNote', { caseId: id, text: 'Chantier relancé.' });
    await ok(lucas, 'cases.addNote', { caseId: id, text: 'Toujours rien.' });
    expect(heard).toEqual([{ name: 'session.ended', payload: { reason: 'idle', message: expect.stringContaining('8 h sans activité') } }]);
  });
});

describe('Se déconnecter partout', () => {
  it('ends every session of the agent, tells the other windows, and leaves colleagues alone', async () => {
    const here = await window('camille');
    const there = await window('camille');
    const lucas = await window('lucas');
    const heardThere = listen(there);

    expect(await ok(here, 'session.signOutEverywhere', {})).toBeNull();

    expect(await ok(here, 'session.current', {})).toBeNull();
    expect(heardThere).toEqual([{ name: 'session.ended', payload: { reason: 'everywhere', message: expect.any(String) } }]);
    const error = await refusal(there, 'desk.list', desk);
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toBe('Votre session a été fermée par « Se déconnecter partout » : reconnectez-vous.');
    await ok(lucas, 'desk.list', desk);
    // A fresh sign-in works again, on any window.
    await ok(there, 'session.signIn', { login: 'camille.martin', password: 'demo' });
    await ok(there, 'desk.list', desk);
  });

  it('needs a signed-in agent', async () => {
    expect(await refusal(t.core.connect(), 'session.signOutEverywhere', {})).toMatchObject({ code: 'unauthenticated' });
  });
});
