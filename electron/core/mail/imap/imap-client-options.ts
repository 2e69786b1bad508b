import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { ImapFlowOptions } from 'imapflow';
import type { TlsMode } from '../../db/tables/organisation';
import { SyncError } from './sync-errors';

/** Where and how to reach one mailbox (its `mailboxes` row, without the password). */
export interface ImapEndpoint {
  host: string;
  port: number;
  tls: TlsMode;
  user: string;
}

export interface ClientTuning {
  /** How long one IDLE lasts before imapflow breaks and restarts it. */
  maxIdleMs: number;
  /** imapflow's inactivity timer: a quiet socket gets a keep-alive NOOP, a stuck command fails. */
  socketTimeoutMs?: number;
  /** Extra TLS options: tests trust the rig's self-signed certificate with `{ ca }`. */
  tls?: ConnectionOptions;
}

/** 127.0.0.0/8, ::1 and localhost: the only places a password may travel in clear. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

function transportSecurity(endpoint: ImapEndpoint): Pick<ImapFlowOptions, 'secure' | 'doSTARTTLS'> {
  switch (endpoint.tls) {
    case 'implicit':
      return { secure: true };
    case 'starttls':
      // Required, not opportunistic: an attacker can strip STARTTLS from a cleartext CAPABILITY
      // (imapflow's own warning for `doSTARTTLS` unset).
      return { secure: false, doSTARTTLS: true };
    case 'none':
      if (!isLoopback(endpoint.host)) {
        throw new SyncError('insecure', `cleartext IMAP refused for ${endpoint.host}`);
      }
      return { secure: false, doSTARTTLS: false };
  }
}

/**
 * Options for one fresh ImapFlow client (one per connection: an instance cannot reconnect).
 * IDLE is driven by the session, not by imapflow's auto-IDLE, so that it starts right after a
 * pass and the polling fallback is the session's own; `maxIdleTime` still restarts each IDLE.
 */
export function imapClientOptions(endpoint: ImapEndpoint, password: string, tuning: ClientTuning): ImapFlowOptions {
  return {
    host: endpoint.host,
    port: endpoint.port,
    ...transportSecurity(endpoint),
    auth: { user: endpoint.user, pass: password },
    tls: { ...tuning.tls },
    logger: false,
    clientInfo: { name: 'Unified Desktop' },
    disableAutoIdle: true,
    maxIdleTime: tuning.maxIdleMs,
    socketTimeout: tuning.socketTimeoutMs,
    connectionTimeout: 30_000,
  };
}
