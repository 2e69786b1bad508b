import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import type { CallName } from '../../shared/contract/names';
import type { CaseDetail } from '../../shared/domain/case-detail';
import type { DeskRow } from '../../shared/domain/desk';
import { installTransport } from '../../renderer/src/api';
import { useCaseStore } from '../../renderer/src/stores/case';
import { useComposerStore } from '../../renderer/src/stores/composer';
import { useDeskStore } from '../../renderer/src/stores/desk';
import { useSessionStore } from '../../renderer/src/stores/session';
import { migrationsFolder } from '../core/temp-database';

/**
 * An action costs one write: `cases.act` answers the case as the actor now sees it, the store shows
 * that answer, and the desk's row moves through `case.changed` (a patch of the rows named), never
 * by reloading the desk's first page nor by reading the case again.
 */

let dataDir: string;
let core: Core;
let calls: { name: CallName; input: Record<string, unknown> }[];

/** Every call the contract has that changes something, as opposed to reading. */
const writes = new Set<CallName>(['cases.act', 'cases.addNote', 'cases.setQualification', 'cases.merge', 'cases.unmerge']);

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-case-act-'));
  core = createCore({ dataDir, migrationsFolder, demo: true });
  const connection = core.connect();
  installTransport({
    invoke: (name, input) => {
      calls.push({ name, input: input as Record<string, unknown> });
      return connection.call(name, input);
    },
    subscribe: (listener) => connection.onEvent(listener),
  });
  calls = [];
  setActivePinia(createPinia());
  const session = useSessionStore();
  await session.loadSignInChoices();
  await session.signIn('camille.martin', 'demo');
});

afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The agent's En cours on screen, and one of its cases open in a tab, as after a click on its row. */
async function openOneOfMine(wanted: (detail: CaseDetail) => boolean): Promise<CaseDetail> {
  const desk = useDeskStore();
  const cases = useCaseStore();
  desk.setUp();
  cases.setUp();
  await desk.open({ kind: 'in_progress' });
  for (const row of desk.rows) {
    await cases.load(row.id);
    const detail = cases.details[row.id];
    if (detail && wanted(detail)) return detail;
  }
  throw new Error('the demo has no such case in Camille’s En cours');
}

const rowOf = (id: number) => useDeskStore().rows.find((row) => row.id === id) as DeskRow | undefined;
/** A reload of the desk's list: the desk's page asked again, not a patch of the rows named (`only`). */
const deskReloads = () => calls.filter((call) => call.name === 'desk.list' && !call.input.only && Number(call.input.limit) > 1);

describe('an action through the stores', () => {
  it('sends a reply with one write call, no desk.list reload and no cases.get', async () => {
    const opened = await openOneOfMine((detail) => detail.allowedActions.includes('reply_keep_open') && detail.contact.email !== null);
    const composer = useComposerStore();
    const cases = useCaseStore();
    composer.ensure(opened).html = '<p>Bonjour, voici notre réponse.</p>';
    calls = [];

    await composer.act(opened.id, 'reply_keep_open');

    const shown = cases.details[opened.id];
    expect(shown?.state).toBe('todo_bis');
    expect(shown?.version).toBe(opened.version + 1);
    expect(shown?.messages.length).toBe(opened.messages.length + 1);
    // The desk's row follows through the event: patched in place once the burst settles.
    await expect.poll(() => rowOf(opened.id)?.state).toBe('todo_bis');
    expect(calls.filter((call) => writes.has(call.name)).map((call) => call.name)).toEqual(['cases.act']);
    expect(calls.filter((call) => call.name === 'cases.get')).toEqual([]);
    expect(deskReloads()).toEqual([]);
  });

  it('shows the answer of an action the agent takes from the case, without reading it again', async () => {
    const opened = await openOneOfMine((detail) => detail.allowedActions.includes('close'));
    const cases = useCaseStore();
    calls = [];

    const result = await cases.act({ caseId: opened.id, version: opened.version, action: 'close' });

    expect(result.detail?.state).toBe('closed');
    expect(cases.details[opened.id]).toEqual(result.detail);
    await expect.poll(() => rowOf(opened.id)).toBeUndefined();
    expect(calls.map((call) => call.name).filter((name) => name === 'cases.get' || writes.has(name))).toEqual(['cases.act']);
    expect(deskReloads()).toEqual([]);
  });
});
