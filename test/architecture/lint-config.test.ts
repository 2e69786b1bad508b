import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer table and the ban on cycles are ESLint rules (eslint.config.js): these tests prove a
// crossing and a cycle fail, by linting a real file of the tree with one import added.
const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsOf(file: string, extraImport: string): Promise<string[]> {
  const source = `${extraImport}\n${readFileSync(path.join(root, file), 'utf8')}`;
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the lint configuration', () => {
  it('accepts the files as they are', async () => {
    expect(await ruleIdsOf('electron/core/event-bus.ts', '')).toEqual([]);
  }, 60_000);

  it.each([
    ['the core importing the browser host', 'electron/core/event-bus.ts', "import '../host/host-guard';"],
    ['the core importing the shell', 'electron/core/event-bus.ts', "import '../shell/app-origin';"],
    ['shared/ importing the core', 'shared/domain/case-machine.ts', "import '../../electron/core/event-bus';"],
    ['the renderer importing the core', 'renderer/src/router.ts', "import '../../electron/core/event-bus';"],
    ['the host importing the shell', 'electron/host/host-guard.ts', "import '../shell/app-origin';"],
    ['the mail process importing the host', 'electron/mail-process/protocol.ts', "import '../host/host-guard';"],
  ])('refuses %s', async (_what, file, extraImport) => {
    expect(await ruleIdsOf(file, extraImport)).toContain('import-x/no-restricted-paths');
  }, 60_000);

  it('refuses a cycle', async () => {
    // case-machine.ts imports case-transitions.ts: importing it back closes a loop.
    expect(await ruleIdsOf('shared/domain/case-transitions.ts', "import './case-machine';")).toContain('import-x/no-cycle');
  }, 60_000);
});
