import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttachmentUnavailable, attachmentPath, envelopeOf, extraHeaders } from '../../../../electron/core/mail/outbox/compose-message';
import type { OutgoingMail } from '../../../../electron/core/db/schema';

const mail = (changes: Partial<OutgoingMail>): OutgoingMail => ({
  mailboxId: 1,
  from: { address: 'centre@x.fr' },
  to: [],
  cc: [],
  bcc: [],
  subject: 's',
  html: '',
  text: '',
  inReplyTo: null,
  references: [],
  headers: {},
  attachments: [],
  ...changes,
});

describe('composing a reply', () => {
  it('sends to each address of To, CC and BCC once, whatever its case', () => {
    const envelope = envelopeOf(mail({ to: [{ address: 'A@x.fr' }], cc: [{ address: 'a@x.fr' }, { address: 'b@x.fr' }], bcc: [{ address: 'B@X.FR' }, { address: 'c@x.fr' }] }));
    expect(envelope).toEqual({ from: 'centre@x.fr', to: ['A@x.fr', 'b@x.fr', 'c@x.fr'] });
  });

  it('keeps extra headers but never lets them override the identity of the message', () => {
    expect(extraHeaders({ 'Message-ID': '<other@x>', 'auto-submitted': 'auto-replied', FROM: 'x', 'X-Unified-Case': '000001' })).toEqual({
      'auto-submitted': 'auto-replied',
      'X-Unified-Case': '000001',
    });
  });

  it('reads attachments inside the data folder only', () => {
    const dataDir = path.resolve('/data/centre');
    const file = (p: string) => ({ attachmentId: 1, path: p, filename: 'f.pdf', mediaType: 'application/pdf' });
    expect(attachmentPath(dataDir, file('attachments/ab/abcd'))).toBe(path.join(dataDir, 'attachments', 'ab', 'abcd'));
    expect(() => attachmentPath(dataDir, file('../secrets.json'))).toThrow(AttachmentUnavailable);
    expect(() => attachmentPath(dataDir, file('/etc/passwd'))).toThrow(AttachmentUnavailable);
  });
});
