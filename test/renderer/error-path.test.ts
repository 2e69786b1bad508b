// @vitest-environment happy-dom
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Connection, type Core } from '../../electron/core/create-core';
import { ApiError } from '../../shared/contract/errors';
import { api, installTransport } from '../../renderer/src/api';
import TemplatePicker from '../../renderer/src/components/composer/TemplatePicker.vue';
import { createAppI18n } from '../../renderer/src/i18n';
import { useSessionStore } from '../../renderer/src/stores/session';
import { useSyncStore } from '../../renderer/src/stores/sync';
import { useTemplatesStore } from '../../renderer/src/stores/templates';
import type { AppTransport } from '../../renderer/src/transport/ws-transport';
import { migrationsFolder } from '../core/temp-database';

/**
 * One error path in the renderer: whatever store or screen makes a call, a session the core no
 * longer knows marks the window signed out (the sign-in screen then says why), and every failure
 * reaches the caller as an ApiError.
 */

let dataDir: string;
let core: Core;
let connection: Connection;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-error-path-'));
  core = createCore({ dataDir, migrationsFolder, demo: true });
  connection = core.connect();
  installTransport({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  setActivePinia(createPinia());
  const session = useSessionStore();
  await session.loadSignInChoices();
  await session.signIn('camille.martin', 'demo');
});

afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The core forgets this window's agent (as after an expiry), behind the stores' back. */
const endSessionInCore = () => connection.call('session.signOut', {});

describe('the renderer’s error path', () => {
  it('marks the session expired from a call whose failure the screen itself ignores', async () => {
    const session = useSessionStore();
    await endSessionInCore();
    // The header's sync status swallows its failures: the expiry is still noticed.
    await useSyncStore().load();
    expect(session.agent).toBeNull();
    expect(session.expired).toBe(true);
  });

  it('marks it expired from a picker, which shows the core’s French sentence', async () => {
    const session = useSessionStore();
    await endSessionInCore();
    const picker = mount(TemplatePicker, { global: { plugins: [createAppI18n('fr')] } });
    await flushPromises();
    expect(picker.get('[role="alert"]').text()).toMatch(/^Votre session .*reconnectez-vous\.$/);
    expect(session.expired).toBe(true);
    picker.unmount();
  });

  it('shows the error’s own words in English, by its code', async () => {
    await endSessionInCore();
    const picker = mount(TemplatePicker, { global: { plugins: [createAppI18n('en')] } });
    await flushPromises();
    expect(picker.get('[role="alert"]').text()).toBe('Your session has expired: please sign in again.');
    picker.unmount();
  });

  it('rejects with the core’s refusal as an ApiError', async () => {
    const refusal = await useTemplatesStore().render(999_999, 999_999).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).message).toMatch(/\S/);
    expect(useSessionStore().expired).toBe(false);
  });

  it('turns a transport that throws into an internal ApiError, never a bare Error', async () => {
    const broken: AppTransport = {
      status: 'open',
      onStatus: () => () => undefined,
      close: () => undefined,
      invoke: () => Promise.reject(new TypeError('bridge gone')),
      subscribe: () => () => undefined,
    };
    installTransport(broken);
    const failure = await api.templates.tree().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('internal');
  });
});
