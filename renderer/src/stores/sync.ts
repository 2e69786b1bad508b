import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MailboxSync } from '../../../shared/contract/calls/sync';
import type { EventPayload } from '../../../shared/contract/events';
import { api } from '../api';

type SyncStatus = EventPayload<'sync.status'>;

/**
 * Mail sync of each mailbox, as the header shows it: where it stood when the window connected
 * (`sync.current`), then every `sync.status` the core pushes.
 */
export const useSyncStore = defineStore('sync', () => {
  const mailboxes = ref<MailboxSync[]>([]);
  let subscribed = false;

  async function load(): Promise<void> {
    try {
      const current = await api.sync.current();
      // An event may have come in while the call was answered: keep whichever is newer.
      const heard = new Map(mailboxes.value.map((mailbox) => [mailbox.mailboxId, mailbox.status]));
      mailboxes.value = current.map((mailbox) => ({ ...mailbox, status: heard.get(mailbox.mailboxId) ?? mailbox.status }));
    } catch {
      // Sync status is a hint: without it the header simply shows nothing.
    }
  }

  function apply(status: SyncStatus): void {
    const known = mailboxes.value.find((mailbox) => mailbox.mailboxId === status.mailboxId);
    if (known) known.status = status;
    // A mailbox added since the window connected: its name comes with the list.
    else void load();
  }

  /** Subscribes once; `load` again after sign-in or a reconnection. */
  function setUp(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('sync.status', apply);
  }

  function reset(): void {
    mailboxes.value = [];
  }

  return { mailboxes, load, setUp, reset };
});
