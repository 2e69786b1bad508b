import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../electron/core/create-core';
import type { EventName } from '../../../shared/contract';
import { caseBySubject, ok, startDemoCore, type CaseCore } from '../services/cases/case-fixture';

/**
 * Issue 11, point 3: a connection hears the centre's events (cases changing, sync, outbox) only
 * while an agent is signed in on it. A socket that never signed in learns nothing.
 */
let t: CaseCore;
beforeEach(() => void (t = startDemoCore()));
afterEach(() => t.dispose());

function listen(connection: Connection): EventName[] {
  const heard: EventName[] = [];
  connection.onEvent((name) => void heard.push(name));
  return heard;
}

/** Camille writes a note on one of her cases: a `case.changed` every signed-in window hears. */
async function changeACase(): Promise<void> {
  const camille = await t.as('camille');
  const { id } = caseBySubject(t.core, 'Demande de duplicata');
  await ok(camille, 'cases.addNote', { caseId: id, text: 'Rappelé la cliente.' });
}

describe('events only to signed-in connections', () => {
  it('a connection that never signed in hears nothing; a signed-in one hears the change', async () => {
    const anonymous = listen(t.core.connect());
    const lucas = listen(await t.as('lucas'));
    await changeACase();
    expect(lucas).toContain('case.changed');
    expect(anonymous).toEqual([]);
  });

  it('a connection stops hearing once signed out, and hears again once signed in', async () => {
    const connection = t.core.connect();
    const heard = listen(connection);
    await ok(connection, 'session.signIn', { login: 'lucas.bernard', password: 'demo' });
    await changeACase();
    expect(heard).toEqual(['case.changed']);
    await ok(connection, 'session.signOut', {});
    await changeACase();
    expect(heard).toEqual(['case.changed']);
    await ok(connection, 'session.signIn', { login: 'lucas.bernard', password: 'demo' });
    await changeACase();
    expect(heard).toEqual(['case.changed', 'case.changed']);
  });
});
