import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { wsPath } from '../../shared/contract/transport';

/**
 * Any web page the user visits can reach a loopback port. Three checks keep it out:
 * the Host header (DNS rebinding), the Origin of the WebSocket (cross-site WebSocket hijacking),
 * and the secret printed at start (as notebook servers do).
 */
export interface HostIdentity {
  port: number;
  /** Host names this server answers as, e.g. 127.0.0.1 and localhost. */
  names: readonly string[];
  token: string;
}

export function isAllowedHost(identity: HostIdentity, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  return identity.names.some((name) => hostHeader.toLowerCase() === `${name}:${identity.port}`);
}

export function isAllowedOrigin(identity: HostIdentity, origin: string | undefined): boolean {
  if (!origin) return false;
  return identity.names.some((name) => origin.toLowerCase() === `http://${name}:${identity.port}`);
}

export function isRightToken(identity: HostIdentity, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(identity.token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The peer's IP, as sign-in throttling counts it: an IPv4 client seen through an IPv6 socket is
 * written as plain IPv4, so that it is one address, not two.
 */
export function peerAddress(req: Pick<IncomingMessage, 'socket'>): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/** The WebSocket's upgrade request: all three checks on our path; a target that is no URL is refused. */
export function isAdmittedUpgrade(identity: HostIdentity, req: Pick<IncomingMessage, 'url' | 'headers'>): boolean {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return false;
  }
  return (
    url.pathname === wsPath &&
    isAllowedHost(identity, req.headers.host) &&
    isAllowedOrigin(identity, req.headers.origin) &&
    isRightToken(identity, url.searchParams.get('token'))
  );
}
