import { expect } from 'vitest';
import type { MailRuntimeOptions } from '../../../electron/core/mail/mail-runtime';
import type { EventPayload } from '../../../shared/contract';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { startJourneyWorld, type Customer, type JourneyWorld, type WorldSetup } from '../mail-journeys/journey-world';
import { startFaultProxy, type FaultProxy } from '../../rig';

export type SyncStatus = EventPayload<'sync.status'>;

/**
 * The whole product against the rig, as in the mail journeys, with the network in between made
 * faulty at will: the centre's mailbox reaches Dovecot and the SMTP server through one fault proxy
 * each, in plaintext (allowed on loopback) so that a proxy can see where a response or a message
 * ends. The agent's window records the `sync.status` events the header shows.
 */
export interface FaultWorld extends JourneyWorld {
  imap: FaultProxy;
  smtp: FaultProxy;
  /** Every `sync.status` the agent's window heard, oldest first. */
  statuses: SyncStatus[];
  /** Until the mailbox's sync listens (IDLE) after its latest pass. */
  listening(): Promise<void>;
  /**
   * How many connections the sync opened since `statuses[from]` (the outbox's connections to file
   * in Sent go through the same IMAP proxy: the proxy's own count includes them).
   */
  syncConnections(from: number): number;
}

export async function startFaultWorld(customers: Customer[], options: MailRuntimeOptions = {}, setup: Pick<WorldSetup, 'smtp'> = {}): Promise<FaultWorld> {
  const proxies: { imap?: FaultProxy; smtp?: FaultProxy } = {};
  const world = await startJourneyWorld(customers, options, {
    ...setup,
    mailbox: async (rig) => {
      proxies.imap = await startFaultProxy(rig.dovecot.imapPort);
      proxies.smtp = await startFaultProxy(rig.smtp.port);
      return {
        imap: { host: rig.dovecot.host, port: proxies.imap.port, tls: 'none', user: CENTRE.user },
        smtp: { host: rig.smtp.host, port: proxies.smtp.port, tls: 'none', user: CENTRE.user },
      };
    },
  });
  const { imap, smtp } = proxies as Required<typeof proxies>;
  const statuses: SyncStatus[] = [];
  world.agent.on('sync.status', (status) => void statuses.push(status));
  return {
    ...world,
    imap,
    smtp,
    statuses,
    async listening() {
      const phase = async () => (await world.agent.sync.current()).find((mailbox) => mailbox.mailboxId === world.mailboxId)?.status?.phase;
      await expect.poll(phase, { timeout: 20_000, interval: 50 }).toBe('idle');
    },
    syncConnections: (from) => statuses.slice(from).filter((status) => status.phase === 'connecting').length,
    async stop() {
      await world.stop();
      await Promise.all([imap.close(), smtp.close()]);
    },
  };
}
