import { defineStore } from 'pinia';
import { ref } from 'vue';
import { appTransport } from '../api';
import type { ConnectionStatus } from '../transport/ws-transport';

/** The link to the core as the UI shows it ("Reconnexion…"), and a count of recoveries to react to. */
export const useConnectionStore = defineStore('connection', () => {
  const transport = appTransport();
  const status = ref<ConnectionStatus>(transport.status);
  /** Increases each time the link comes back after a loss: sessions and desks must be re-read. */
  const recoveries = ref(0);

  transport.onStatus((next) => {
    if (next === 'open' && status.value === 'reconnecting') recoveries.value++;
    status.value = next;
  });

  return { status, recoveries };
});
