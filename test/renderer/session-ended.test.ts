import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import { installTransport } from '../../renderer/src/api';
import { useSessionStore } from '../../renderer/src/stores/session';
import { migrationsFolder } from '../core/temp-database';
import { coreClient } from '../e2e/desk-helpers';

/** The window's session store against a real core: it hears when the core ends the session. */
let dataDir: string;
let core: Core;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-session-ended-'));
  core = createCore({ dataDir, migrationsFolder, demo: true });
  const connection = core.connect();
  installTransport({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  setActivePinia(createPinia());
});
afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the session store', () => {
  it('forgets the agent, and says the session ended, when another window signs out everywhere', async () => {
    const session = useSessionStore();
    await session.restore();
    await session.signIn('camille.martin', 'demo');
    const otherWindow = await coreClient(core, 'Camille Martin');
    await otherWindow.session.signOutEverywhere();
    expect(session.agent).toBeNull();
    expect(session.expired).toBe(true);
  });

  it('signs this window out everywhere without calling it an expiry', async () => {
    const session = useSessionStore();
    await session.restore();
    await session.signIn('camille.martin', 'demo');
    const otherWindow = await coreClient(core, 'Camille Martin');
    await session.signOutEverywhere();
    expect(session.agent).toBeNull();
    expect(session.expired).toBe(false);
    expect(await otherWindow.session.current()).toBeNull();
  });
});
