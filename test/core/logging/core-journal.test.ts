import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../shared/contract';
import { logsFolder } from '../../../electron/core/logging/log-file';
import { refusal, startDemoCore, type DemoCore } from '../services/admin/demo-core';

let demo: DemoCore;
beforeAll(() => void (demo = startDemoCore()));
afterAll(() => demo.dispose());

const journal = () => {
  try {
    return readFileSync(path.join(logsFolder(demo.core.dataDir), 'unified.log'), 'utf8');
  } catch {
    return '';
  }
};

describe('the core’s journal', () => {
  it('records an unexpected failure of a call with its cause, and the agent gets the French message only', async () => {
    const camille = await demo.as('Camille Martin');
    // The attachments folder cannot be made (a file holds its name): the disk fails under the call.
    writeFileSync(path.join(demo.core.dataDir, 'attachments'), 'not a folder');
    const content = Buffer.from('Relevé de compte très confidentiel').toString('base64');
    const error = await refusal(uploadFile(camille, bytesSource('releve.pdf', 'application/pdf', Buffer.from('Relevé de compte très confidentiel'))));

    expect(error.code).toBe('internal');
    expect(error.message).toBe('Une erreur inattendue est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.');
    await expect.poll(journal).toMatch(/Z ERROR \[core\] call attachments\.uploadFinish failed · Error: ENOTDIR: not a directory/);
    expect(journal()).not.toContain(content);
  });
});
