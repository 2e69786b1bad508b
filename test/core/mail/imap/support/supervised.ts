import { createImapSupervisor, type ImapSupervisor, type SupervisorDeps, type SupervisorTiming } from '../../../../../electron/core/mail/imap/imap-supervisor';
import type { Mailbox } from '../../../../../electron/core/mail/imap/mailbox-settings';
import type { SyncStatus } from '../../../../../electron/core/mail/imap/sync-status-reporter';
import { memorySecretStore } from '../../../../../electron/core/ports';
import type { DovecotInstance } from '../../../../rig';
import type { MailCentre, MailboxRow } from './mail-centre';
import { createRecordingSink, type RecordingSink } from './recording-sink';

/** Short enough for tests, long enough for a loaded 2-core machine not to trip the watchdog. */
export const testTiming: SupervisorTiming = {
  maxIdleMs: 2_000,
  socketTimeoutMs: 60_000,
  pollIntervalMs: 300,
  silenceGraceMs: 8_000,
  backoff: { baseMs: 50, capMs: 500 },
  logoutTimeoutMs: 3_000,
};

export interface Supervised {
  supervisor: ImapSupervisor;
  mailbox: Mailbox;
  sink: RecordingSink;
  statuses: SyncStatus[];
  /** Delays the supervisor asked to wait between attempts. */
  delays: number[];
  phases(): string[];
}

export interface SuperviseOptions extends Partial<Omit<SupervisorDeps, 'timing'>> {
  row?: Partial<MailboxRow>;
  password?: string;
  timing?: Partial<SupervisorTiming>;
}

/** A supervisor over a fresh mailbox row of `centre`, reaching the rig's Dovecot over STARTTLS. */
export async function supervise(
  centre: MailCentre,
  dovecot: DovecotInstance,
  account: { user: string; password: string },
  options: SuperviseOptions = {},
): Promise<Supervised> {
  const { row, password, timing, ...deps } = options;
  const mailbox = centre.addMailbox({ imapPort: dovecot.imapPort, imapUser: account.user, ...row });
  const secrets = memorySecretStore();
  await secrets.set(mailbox.secretKey, password ?? account.password);
  const sink = createRecordingSink(centre.db, centre.blobs, centre.bucketCaseId);
  const statuses: SyncStatus[] = [];
  const delays: number[] = [];
  const supervisor = createImapSupervisor(mailbox, {
    secrets,
    sink,
    checkpoints: centre.checkpoints,
    blobs: centre.blobs,
    clock: centre.clock,
    onStatus: (status) => statuses.push(status),
    tls: { ca: dovecot.ca },
    timing: { ...testTiming, ...timing },
    wait: (ms, signal) => {
      delays.push(ms);
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => resolve(clearTimeout(timer)), { once: true });
      });
    },
    ...deps,
  });
  supervisor.start();
  return { supervisor, mailbox, sink, statuses, delays, phases: () => statuses.map((status) => status.phase) };
}
