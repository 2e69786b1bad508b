import type { SecretStore } from '../core/ports';
import type { FromMail, ToMail } from './protocol';

type SecretReply = Extract<ToMail, { type: 'secret.reply' }>;

export interface RemoteSecretStore {
  store: SecretStore;
  /** Settles the request a reply answers. */
  settle(reply: SecretReply): void;
  /** Fails every request still waiting (main went away). */
  abandon(): void;
}

const readOnly = () => Promise.reject(new Error('Le processus de messagerie ne modifie pas les mots de passe.'));

/**
 * The mail process's SecretStore: it asks main, which alone holds safeStorage, and reads only.
 * Passwords are written by the administrator's screens, which run in main.
 */
export function remoteSecretStore(send: (message: FromMail) => void): RemoteSecretStore {
  const pending = new Map<number, { resolve: (value: string | null) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  return {
    store: {
      get: (key) =>
        new Promise<string | null>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          send({ type: 'secret', id, key });
        }),
      set: readOnly,
      delete: readOnly,
    },
    settle(reply) {
      const request = pending.get(reply.id);
      pending.delete(reply.id);
      if (!request) return;
      if (reply.ok) request.resolve(reply.value);
      else request.reject(new Error(reply.message));
    },
    abandon() {
      for (const request of pending.values()) request.reject(new Error('L’application s’est fermée avant de donner le mot de passe.'));
      pending.clear();
    },
  };
}
