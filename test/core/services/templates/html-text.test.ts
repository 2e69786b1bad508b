import { describe, expect, it } from 'vitest';
import { buildOutgoingMail, type OutgoingSource } from '../../../../electron/core/mail/outgoing-message';
import { htmlToText } from '../../../../electron/core/services/templates/html-text';

describe('htmlToText', () => {
  it('keeps the address of a link beside its words', () => {
    const text = htmlToText('<p>Suivez <a href="https://colis.example/suivi?n=42">votre colis</a>.</p>');
    expect(text).toContain('votre colis');
    expect(text).toContain('https://colis.example/suivi?n=42');
  });

  it('numbers the items of an ordered list and bullets the others', () => {
    const text = htmlToText('<ol><li>Ouvrez le colis</li><li>Photographiez</li></ol><ul><li>Facture</li></ul>');
    expect(text).toMatch(/1\. +Ouvrez le colis\n+ *2\. +Photographiez/);
    expect(text).toMatch(/\* +Facture/);
  });

  it('decodes every named entity, not only the few editors write', () => {
    expect(htmlToText('<p>Caf&eacute; &laquo;&nbsp;cr&egrave;me&nbsp;&raquo; &hellip; 5&nbsp;&euro;</p>')).toBe('Café « crème » … 5 €');
  });

  it('reads deeply nested markup without running out of stack (found by the contract fuzz)', () => {
    const deep = `${'<ul><li>'.repeat(5000)}fond${'</li></ul>'.repeat(5000)}`;
    expect(() => htmlToText(deep)).not.toThrow();
    expect(htmlToText(`<p>avant</p>${deep}`)).toContain('avant');
  });

  it('drops scripts and styles and keeps one paragraph a line', () => {
    expect(htmlToText('<style>p{}</style><p>Un</p><script>x()</script><p>Deux</p>')).toMatch(/^Un\n+Deux$/);
  });
});

describe('the plain-text part of a reply', () => {
  const source: OutgoingSource = {
    caseNumber: '000123',
    caseSubject: 'Colis',
    mailbox: { id: 7, address: 'sav@centre.example.com', senderName: 'SAV' },
    signatureHtml: '<p>Camille</p>',
    answering: null,
    reply: {
      to: { address: 'jean@client.example' },
      cc: [],
      bcc: [],
      html: '<p>Voir <a href="https://centre.example/retours">la page des retours</a> :</p><ol><li>Emballez</li><li>Déposez</li></ol>',
    },
    attachments: [],
    messageId: '<ud.000123.bb@centre.example.com>',
  };

  it('keeps link addresses and list numbers', () => {
    const { text } = buildOutgoingMail(source);
    expect(text).toContain('https://centre.example/retours');
    expect(text).toMatch(/1\. +Emballez/);
    expect(text).toMatch(/2\. +Déposez/);
  });
});
