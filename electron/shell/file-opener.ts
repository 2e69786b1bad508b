import type { Shell } from './electron-api';
import type { FileOpener } from '../core/ports';

/**
 * Opens a file with the system's application for its type. The core calls it only for a file the
 * agent chose to open, after its dangerous-type warning. `shell.openPath` resolves with an error text
 * (empty on success) instead of rejecting: a non-empty one becomes a French rejection.
 */
export function createElectronFileOpener(shell: Pick<Shell, 'openPath'>): FileOpener {
  return {
    async open(filePath) {
      const error = await shell.openPath(filePath);
      if (error) throw new Error(`Le système n’a pas pu ouvrir ce fichier : ${error}`);
    },
  };
}
