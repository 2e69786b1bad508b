import { describe, expect, it } from 'vitest';
import { imapClientOptions, isLoopback, type ImapEndpoint } from '../../../../electron/core/mail/imap/imap-client-options';

const endpoint = (tls: ImapEndpoint['tls'], host = 'imap.example.fr'): ImapEndpoint => ({ host, port: 993, tls, user: 'centre' });
const tuning = { maxIdleMs: 600_000, tls: { ca: 'PEM' } };

describe('imapClientOptions', () => {
  it('maps each TLS mode of the mailbox row', () => {
    expect(imapClientOptions(endpoint('implicit'), 'pw', tuning)).toMatchObject({ secure: true });
    expect(imapClientOptions(endpoint('starttls'), 'pw', tuning)).toMatchObject({ secure: false, doSTARTTLS: true });
    expect(imapClientOptions(endpoint('none', '127.0.0.1'), 'pw', tuning)).toMatchObject({ secure: false, doSTARTTLS: false });
  });

  it('refuses cleartext away from loopback', () => {
    expect(() => imapClientOptions(endpoint('none'), 'pw', tuning)).toThrow(expect.objectContaining({ problem: 'insecure' }));
  });

  it('passes the password, the TLS options, no logger, and leaves IDLE to the session', () => {
    expect(imapClientOptions(endpoint('implicit'), 'secret', tuning)).toMatchObject({
      auth: { user: 'centre', pass: 'secret' },
      tls: { ca: 'PEM' },
      logger: false,
      disableAutoIdle: true,
      maxIdleTime: 600_000,
    });
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['10.0.0.1', false],
    ['127.example.fr', false],
    ['imap.example.fr', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
