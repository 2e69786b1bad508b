import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { isAdmittedUpgrade, isAllowedHost, isAllowedOrigin, isRightToken, peerAddress } from '../../electron/host/host-guard';
import { resolveInside } from '../../electron/host/static-files';

const identity = { port: 4321, names: ['127.0.0.1', 'localhost'], token: 's3cret-token' };

describe('host guard', () => {
  it('accepts only our own host names on our port', () => {
    expect(isAllowedHost(identity, '127.0.0.1:4321')).toBe(true);
    expect(isAllowedHost(identity, 'LOCALHOST:4321')).toBe(true);
    expect(isAllowedHost(identity, '127.0.0.1:80')).toBe(false);
    expect(isAllowedHost(identity, 'attacker.example:4321')).toBe(false);
    expect(isAllowedHost(identity, undefined)).toBe(false);
  });
  it('accepts only our own origin', () => {
    expect(isAllowedOrigin(identity, 'http://127.0.0.1:4321')).toBe(true);
    expect(isAllowedOrigin(identity, 'http://localhost:4321')).toBe(true);
    expect(isAllowedOrigin(identity, 'https://127.0.0.1:4321')).toBe(false);
    expect(isAllowedOrigin(identity, 'null')).toBe(false);
    expect(isAllowedOrigin(identity, undefined)).toBe(false);
  });
  it('compares the secret exactly', () => {
    expect(isRightToken(identity, 's3cret-token')).toBe(true);
    expect(isRightToken(identity, 's3cret-tokeN')).toBe(false);
    expect(isRightToken(identity, 's3cret')).toBe(false);
    expect(isRightToken(identity, null)).toBe(false);
  });
});

describe('isAdmittedUpgrade', () => {
  const headers = { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' };
  it('admits our path with our host, origin and secret', () => {
    expect(isAdmittedUpgrade(identity, { url: '/ws?token=s3cret-token', headers })).toBe(true);
  });
  it('refuses another path, a missing secret, and a target that is no URL, without throwing', () => {
    expect(isAdmittedUpgrade(identity, { url: '/other?token=s3cret-token', headers })).toBe(false);
    expect(isAdmittedUpgrade(identity, { url: '/ws', headers })).toBe(false);
    expect(isAdmittedUpgrade(identity, { url: '//', headers })).toBe(false);
    expect(isAdmittedUpgrade(identity, { url: '//ws?token=s3cret-token', headers })).toBe(false);
  });
});

describe('peerAddress', () => {
  const from = (remoteAddress: string | undefined) => peerAddress({ socket: { remoteAddress } } as Pick<IncomingMessage, 'socket'>);
  it('writes an IPv4 peer the same, whether seen through IPv4 or IPv6', () => {
    expect(from('192.168.1.20')).toBe('192.168.1.20');
    expect(from('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(from('fe80::1')).toBe('fe80::1');
    expect(from(undefined)).toBe('');
  });
});

describe('resolveInside', () => {
  it('keeps paths inside the root', () => {
    expect(resolveInside('/app/r', '/assets/a.js')).toBe('/app/r/assets/a.js');
    expect(resolveInside('/app/r', '/../etc/passwd')).toBe('/app/r/etc/passwd');
    expect(resolveInside('/app/r', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/r/etc/passwd');
  });
  it('refuses NUL bytes and broken escapes', () => {
    expect(resolveInside('/app/r', '/a%00.js')).toBeNull();
    expect(resolveInside('/app/r', '/%E0%A4%A')).toBeNull();
  });
});
