/**
 * What the core needs from its platform, injected by whoever starts it (Joplin's shimInit idea):
 * the Electron shell gives Electron adapters, the browser host and the tests give plain ones.
 */
export interface Clock {
  now(): Date;
}

/** Passwords of mailboxes: safeStorage in the shell, an owner-only key file in the browser host. */
export interface SecretStore {
  set(key: string, secret: string): Promise<void>;
  get(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
}

/** Desktop notifications (case offered, validation result, reply failed). */
export interface Notifier {
  notify(title: string, body: string): void;
}

/**
 * Opens a file with the system's own application (Electron's `shell.openPath`). The browser host has
 * none (a web page cannot launch programs): there the renderer downloads the file instead.
 * Callers warn about dangerous types first; the port opens only what it is given.
 */
export interface FileOpener {
  /**
   * `filePath` is the core's private copy (`<dataDir>/opened/…`, `storage/opened-files.ts`), under the
   * name the dangerous-type verdict judged. Resolves once the system took the file; rejects with a
   * French message otherwise.
   */
  open(filePath: string): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentNotifier: Notifier = { notify: () => undefined };

/** A store that forgets everything at exit: for tests and for a core with no mailbox yet. */
export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    set: async (key, secret) => void secrets.set(key, secret),
    get: async (key) => secrets.get(key) ?? null,
    delete: async (key) => void secrets.delete(key),
  };
}
