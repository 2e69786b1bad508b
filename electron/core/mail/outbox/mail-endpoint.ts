import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { ImapFlowOptions } from 'imapflow';
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';
import { isLoopbackHost, mailboxMessages, type MailEndpoint } from '../../../../shared/domain/mailbox';

/**
 * How the core reaches a mailbox's servers, for the outbox and the connection test alike: one
 * place decides what each TLS mode means, so that a test that passes means sending will work.
 */

/** Extra trust for servers with a private CA (the tests' rig); absent, the system's roots. */
export interface MailTrust {
  ca?: string | Buffer | Array<string | Buffer>;
}

/** Seconds-scale limits: a mail server that does not answer in these is not going to. */
export interface MailTimeouts {
  connectMs: number;
  greetingMs: number;
  /** Inactivity on an open connection (not the length of a whole transfer). */
  socketMs: number;
}

export const defaultMailTimeouts: MailTimeouts = { connectMs: 15_000, greetingMs: 15_000, socketMs: 60_000 };

export class PlaintextRefused extends Error {
  constructor(readonly host: string) {
    super(mailboxMessages.plaintextOffLoopback);
    this.name = 'PlaintextRefused';
  }
}

/** The schema refuses plaintext off loopback; this repeats it for rows written any other way. */
export function assertTlsAllowed(endpoint: MailEndpoint): void {
  if (endpoint.tls === 'none' && !isLoopbackHost(endpoint.host)) throw new PlaintextRefused(endpoint.host);
}

export function tlsOptions(endpoint: Pick<MailEndpoint, 'host'>, trust: MailTrust): ConnectionOptions {
  return {
    // SNI must be a name, never an IP literal (RFC 6066 §3); Node warns when given one.
    ...(isIP(endpoint.host) ? {} : { servername: endpoint.host }),
    ...(trust.ca ? { ca: trust.ca } : {}),
    minVersion: 'TLSv1.2',
  };
}

export function smtpOptions(endpoint: MailEndpoint, trust: MailTrust, timeouts = defaultMailTimeouts): SMTPConnectionOptions {
  assertTlsAllowed(endpoint);
  return {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls === 'implicit',
    requireTLS: endpoint.tls === 'starttls',
    ignoreTLS: endpoint.tls === 'none',
    tls: tlsOptions(endpoint, trust),
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  };
}

export function imapOptions(
  endpoint: MailEndpoint,
  password: string,
  trust: MailTrust,
  timeouts = defaultMailTimeouts,
): ImapFlowOptions {
  assertTlsAllowed(endpoint);
  return {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls === 'implicit',
    // true: refuse to log in unless the upgrade happened; false: never upgrade (loopback only).
    doSTARTTLS: endpoint.tls === 'starttls' ? true : endpoint.tls === 'none' ? false : undefined,
    tls: tlsOptions(endpoint, trust),
    auth: { user: endpoint.user, pass: password },
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    disableAutoIdle: true,
    logger: false,
  };
}
