import type { ListResponse } from 'imapflow';
import type { ConnectionReport, MailEndpoint, ServerReport } from '../../../../shared/domain/mailbox';
import { assertTlsAllowed, PlaintextRefused, type MailTimeouts, type MailTrust } from '../outbox/mail-endpoint';
import { checkFolders, imapLogin } from './imap-check';
import { resolveHost, tcpProbe } from './network-probe';
import { smtpLogin } from './smtp-check';
import { runSteps, StepFailure, type StepOutcome } from './step-runner';
import { tlsProbe } from './tls-probe';

export interface MailboxUnderTest {
  imap: MailEndpoint;
  smtp: MailEndpoint;
  inboxFolder: string;
  sentFolder: string | null;
  /** Null when none is stored: the authentication steps say so. */
  password: string | null;
}

/** Shorter than the outbox's: an administrator is waiting in front of the form. */
export const connectionTestTimeouts: MailTimeouts = { connectMs: 10_000, greetingMs: 10_000, socketMs: 20_000 };

/**
 * Tries a mailbox's two servers step by step (DNS, TCP, TLS, authentication, and the folders for
 * IMAP), as the sync and the outbox will reach them, and says in French what works and what not.
 */
export async function testMailboxConnection(
  mailbox: MailboxUnderTest,
  trust: MailTrust = {},
  timeouts: MailTimeouts = connectionTestTimeouts,
): Promise<ConnectionReport> {
  const [imap, smtp] = await Promise.all([testImap(mailbox, trust, timeouts), testSmtp(mailbox, trust, timeouts)]);
  return { ok: imap.ok && smtp.ok, imap, smtp };
}

const serverOf = (endpoint: MailEndpoint) => `${endpoint.host}:${endpoint.port}`;

function networkSteps(endpoint: MailEndpoint, protocol: 'imap' | 'smtp', trust: MailTrust, timeouts: MailTimeouts) {
  let addresses = [endpoint.host];
  return [
    [
      'dns',
      async () => {
        guardPlaintext(endpoint);
        const resolved = await resolveHost(endpoint.host);
        addresses = resolved.addresses;
        return resolved.outcome;
      },
    ],
    ['tcp', () => tcpProbe(addresses, endpoint.port, timeouts.connectMs)],
    ['tls', () => tlsProbe(endpoint, protocol, trust, timeouts)],
  ] as const;
}

function testImap(mailbox: MailboxUnderTest, trust: MailTrust, timeouts: MailTimeouts): Promise<ServerReport> {
  const endpoint = mailbox.imap;
  let folders: ListResponse[] = [];
  return runSteps('imap', serverOf(endpoint), [
    ...networkSteps(endpoint, 'imap', trust, timeouts),
    [
      'auth',
      async (): Promise<StepOutcome> => {
        const login = await imapLogin({ endpoint, password: mailbox.password, trust, timeouts });
        folders = login.folders;
        return login.outcome;
      },
    ],
    ['folders', async () => checkFolders(folders, mailbox.inboxFolder, mailbox.sentFolder)],
  ]);
}

function testSmtp(mailbox: MailboxUnderTest, trust: MailTrust, timeouts: MailTimeouts): Promise<ServerReport> {
  const endpoint = mailbox.smtp;
  return runSteps('smtp', serverOf(endpoint), [
    ...networkSteps(endpoint, 'smtp', trust, timeouts),
    ['auth', () => smtpLogin({ endpoint, password: mailbox.password, trust, timeouts })],
  ]);
}

/** Saved rows went through the schema; this still stops a password from leaving in clear. */
function guardPlaintext(endpoint: MailEndpoint): void {
  try {
    assertTlsAllowed(endpoint);
  } catch (error) {
    if (error instanceof PlaintextRefused) throw new StepFailure(error.message);
    throw error;
  }
}
