import { describe, expect, it, vi } from 'vitest';
import { createElectronFileOpener } from '../../electron/shell/file-opener';

describe('the Electron file opener', () => {
  it('hands the file to the system and resolves when shell.openPath reports no error', async () => {
    const shell = { openPath: vi.fn(async () => '') };
    await expect(createElectronFileOpener(shell).open('/data/files/devis.pdf')).resolves.toBeUndefined();
    expect(shell.openPath).toHaveBeenCalledWith('/data/files/devis.pdf');
  });

  it('turns the error text shell.openPath resolves with into a French rejection', async () => {
    const shell = { openPath: async () => 'No application is associated with the specified file' };
    await expect(createElectronFileOpener(shell).open('/data/files/plan.dwg')).rejects.toThrow(
      'Le système n’a pas pu ouvrir ce fichier : No application is associated with the specified file',
    );
  });
});
