import { describe, expect, it } from 'vitest';
import { buildOutgoingMail, newMessageId, replySubject, type OutgoingSource } from '../../../electron/core/mail/outgoing-message';

describe('replySubject', () => {
  it.each([
    ['Facture de mars', 'RE: Facture de mars [#000123]'],
    ['RE: Facture de mars', 'RE: Facture de mars [#000123]'],
    ['Re : RE: Facture de mars [#000123]', 'RE: Facture de mars [#000123]'],
    ['RE: Facture de mars [#000123] [#000123]', 'RE: Facture de mars [#000123]'],
    ['AW: Rechnung', 'RE: Rechnung [#000123]'],
    ['Référence client', 'RE: Référence client [#000123]'],
    ['Facture [#000999]', 'RE: Facture [#000999] [#000123]'],
    ['', 'RE: [#000123]'],
  ])('%j → %j', (subject, expected) => {
    expect(replySubject(subject, '000123')).toBe(expected);
  });
});

describe('newMessageId', () => {
  it('carries the case number and the sender’s domain, and is new each time', () => {
    const first = newMessageId('000123', 'service@centre.example.com');
    expect(first).toMatch(/^<ud\.000123\.[0-9a-f]{24}@centre\.example\.com>$/);
    expect(newMessageId('000123', 'service@centre.example.com')).not.toBe(first);
  });
});

const source: OutgoingSource = {
  caseNumber: '000123',
  caseSubject: 'Colis',
  mailbox: { id: 7, address: 'sav@centre.example.com', senderName: 'SAV' },
  signatureHtml: '<p>Camille<script>x</script></p>',
  answering: {
    messageIdHeader: '<m3@client.example>',
    references: ['<m1@client.example>', '<ud.000123.aa@centre.example.com>'],
    from: { name: 'Jean Dupont', address: 'jean@client.example' },
    date: '2025-03-14T09:00:00.000Z',
    html: null,
    text: 'Mon colis <est> arrivé.',
  },
  reply: { to: { address: 'jean@client.example' }, cc: [], bcc: [], html: '<p>Bonjour</p>' },
  attachments: [],
  messageId: '<ud.000123.bb@centre.example.com>',
};

describe('buildOutgoingMail', () => {
  it('threads under the answered message and quotes it under the signature', () => {
    const mail = buildOutgoingMail(source);
    expect(mail).toMatchObject({
      mailboxId: 7,
      from: { name: 'SAV', address: 'sav@centre.example.com' },
      subject: 'RE: Colis [#000123]',
      inReplyTo: '<m3@client.example>',
      references: ['<m1@client.example>', '<ud.000123.aa@centre.example.com>', '<m3@client.example>'],
      headers: { 'Message-ID': '<ud.000123.bb@centre.example.com>', 'X-Unified-Case': '000123' },
    });
    expect(mail.html).toMatch(/^<p>Bonjour<\/p><p><br \/><\/p><p>Camille<\/p><p><br \/><\/p><p>Le .+, Jean Dupont &lt;jean@client\.example&gt; a écrit :<\/p><blockquote><p>Mon colis &lt;est&gt; arrivé\.<\/p><\/blockquote>$/);
    expect(mail.text).toContain('Mon colis <est> arrivé.');
  });

  it('starts a thread when nothing is answered, and keeps long References short', () => {
    expect(buildOutgoingMail({ ...source, answering: null })).toMatchObject({ inReplyTo: null, references: [], html: '<p>Bonjour</p><p><br /></p><p>Camille</p>' });
    const references = Array.from({ length: 30 }, (_, i) => `<r${i}@x>`);
    const mail = buildOutgoingMail({ ...source, answering: { ...source.answering!, references } });
    expect(mail.references).toHaveLength(20);
    expect(mail.references[0]).toBe('<r0@x>');
    expect(mail.references.at(-1)).toBe('<m3@client.example>');
  });

  it('adds the signature once: not again when the body already ends with it (a template with {{agent.signature}})', () => {
    const signatureHtml = '<p>Camille Martin<br />Service clients</p>';
    const signed = { ...source, answering: null, signatureHtml };
    const once = buildOutgoingMail({ ...signed, reply: { ...source.reply, html: '<p>Bonjour</p><p>Camille Martin</p><p>Service clients</p>' } });
    expect(once.html).toBe('<p>Bonjour</p><p>Camille Martin</p><p>Service clients</p>');
    // Only the signature as a whole counts: the agent's name alone in the text is not a signature.
    const named = buildOutgoingMail({ ...signed, reply: { ...source.reply, html: '<p>Camille Martin vous répond.</p>' } });
    expect(named.html).toBe(`<p>Camille Martin vous répond.</p><p><br /></p>${signatureHtml}`);
  });
});
