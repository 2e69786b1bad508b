import { describe, expect, it } from 'vitest';
import { decodeReason, encodeReason } from '../../../../electron/core/mail/ingest/quarantine';
import { headerBlock, summarize } from '../../../../electron/core/services/quarantine/header-summary';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('what the quarantine list reads of a stored source', () => {
  it('takes the header block up to the first empty line, CRLF or LF', () => {
    expect(headerBlock(bytes('Subject: a\r\nFrom: b@x.fr\r\n\r\nFrom: not a header\r\n')).toString()).toBe('Subject: a\r\nFrom: b@x.fr');
    expect(headerBlock(bytes('Subject: a\n\nbody')).toString()).toBe('Subject: a');
    expect(headerBlock(bytes('no blank line at all')).toString()).toBe('no blank line at all');
  });

  it('skips the mbox envelope line of exported mail, which would hide the real headers', async () => {
    const exported = bytes('From lea@exemple.fr Fri Mar 14 09:30:00 2025\nFrom: Léa Roux <lea@exemple.fr>\nSubject: Colis\n\nBonjour\n');
    expect(await summarize(exported)).toEqual({ date: null, sender: { name: 'Léa Roux', address: 'lea@exemple.fr' }, subject: 'Colis' });
  });

  it('decodes encoded words, takes Reply-To when From has no address, and reads the date', async () => {
    const source = bytes(
      'Date: Fri, 14 Mar 2025 09:30:00 +0100\r\nFrom: Formulaire <>\r\nReply-To: =?UTF-8?Q?Z=C3=A9lie?= <zelie@exemple.fr>\r\n' +
        'Subject: =?UTF-8?B?UsOpY2xhbWF0aW9u?=\r\n\r\nCorps',
    );
    expect(await summarize(source)).toEqual({
      date: '2025-03-14T08:30:00.000Z',
      sender: { name: 'Zélie', address: 'zelie@exemple.fr' },
      subject: 'Réclamation',
    });
  });

  it('gives empty fields for junk rather than failing', async () => {
    expect(await summarize(Buffer.from([0x00, 0xff, 0xfe, 0x01]))).toEqual({ date: null, sender: null, subject: '' });
  });
});

describe('the reason column', () => {
  it('keeps a code and its technical detail, on one short line', () => {
    expect(encodeReason({ code: 'no_sender' })).toBe('no_sender');
    expect(encodeReason({ code: 'filing_failed', detail: 'contrainte\n  violée' })).toBe('filing_failed: contrainte violée');
    expect(encodeReason({ code: 'unparseable', detail: 'x'.repeat(900) })).toHaveLength('unparseable: '.length + 500);
    expect(decodeReason('filing_failed: contrainte violée')).toEqual({ code: 'filing_failed', detail: 'contrainte violée' });
    expect(decodeReason('own_address')).toEqual({ code: 'own_address', detail: null });
  });

  it('reads a row written before the codes as `other`, its French sentence as the detail', () => {
    const legacy = 'Message trop volumineux (44 Mo, limite 25 Mo) : non téléchargé, en-têtes seuls conservés.';
    expect(decodeReason(legacy)).toEqual({ code: 'other', detail: legacy });
    expect(decodeReason('Classement impossible : contrainte violée')).toEqual({ code: 'other', detail: 'Classement impossible : contrainte violée' });
  });
});
