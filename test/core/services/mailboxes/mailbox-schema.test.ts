import { describe, expect, it } from 'vitest';
import { isLoopbackHost, mailboxTestInputSchema, mailEndpointSchema } from '../../../../shared/domain/mailbox';

describe('mailbox settings rules', () => {
  it('knows loopback hosts', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'mail.localhost']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['mail.example.com', '10.0.0.1', '127.0.0.256', 'localhost.example.com', '128.0.0.1', '::2']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('allows no encryption on loopback only, refused on the tls field', () => {
    expect(mailEndpointSchema.safeParse({ host: '127.0.0.1', port: 25, tls: 'none', user: 'u' }).success).toBe(true);
    const refused = mailEndpointSchema.safeParse({ host: 'smtp.example.com', port: 25, tls: 'none', user: 'u' });
    expect(refused.error?.issues).toEqual([expect.objectContaining({ path: ['tls'], message: expect.stringMatching(/localhost/) })]);
    expect(mailEndpointSchema.safeParse({ host: 'smtp.example.com', port: 587, tls: 'starttls', user: 'u' }).success).toBe(true);
  });

  it('tests a saved mailbox, or settings with a password', () => {
    expect(mailboxTestInputSchema.safeParse({ mailboxId: 1 }).success).toBe(true);
    expect(mailboxTestInputSchema.safeParse({}).error?.issues[0]?.path).toEqual(['mailboxId']);
    const settings = {
      name: 'n', address: 'a@b.fr', senderName: 's', queueId: 1,
      imap: { host: 'h', port: 993, tls: 'implicit', user: 'u' },
      smtp: { host: 'h', port: 465, tls: 'implicit', user: 'u' },
    };
    expect(mailboxTestInputSchema.safeParse({ settings }).error?.issues[0]?.path).toEqual(['password']);
    expect(mailboxTestInputSchema.safeParse({ settings, password: 'p' }).success).toBe(true);
    expect(mailboxTestInputSchema.safeParse({ settings, mailboxId: 1 }).success).toBe(true);
  });
});
