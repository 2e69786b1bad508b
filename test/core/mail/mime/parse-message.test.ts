import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMessage, type MessageOrigin, type ParsedSource } from '../../../../electron/core/mail/mime/parse-message';
import type { IncomingMail } from '../../../../electron/core/mail/incoming-mail';
import { createBlobStore } from '../../../../electron/core/storage/blob-store';
import { fixedClock } from '../../temp-database';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-mime-'));
const blobs = createBlobStore(dataDir);
const clock = fixedClock('2025-04-02T12:00:00.000Z');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const received = new Date('2025-04-01T09:30:00.000Z');
const origin: MessageOrigin = { mailboxId: 3, folder: 'INBOX', uidValidity: 77, uid: 12, internalDate: received };

/** Hand-written sources: lines joined with CRLF, as they travel (RFC 5322 §2.1). */
const source = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

async function parse(raw: Buffer, where: MessageOrigin = origin): Promise<IncomingMail> {
  const result = await parseMessage(raw, where, { blobs, clock });
  if (result.kind !== 'mail') throw new Error(`unparseable: ${result.reason}`);
  return result.mail;
}

const blob = (sha256: string) => readFileSync(blobs.absolutePath(sha256));

describe('parseMessage: headers', () => {
  it('decodes ISO-8859-1 and UTF-8 encoded words (RFC 2047) and an ISO-8859-1 body', async () => {
    const mail = await parse(
      source(
        'From: =?ISO-8859-1?Q?Andr=E9_L=E9vy?= <andre.levy@example.fr>',
        'To: =?UTF-8?B?U2VydmljZSBjbGllbnTDqGxl?= <centre@test.local>, bob@example.fr',
        'Cc: Équipe: claire@example.fr, "Dupont, Jean" <jean@example.fr>;',
        'Reply-To: =?utf-8?q?Andr=C3=A9?= <reponse@example.fr>',
        'Subject: =?UTF-8?B?UsOpY2xhbWF0aW9u?= =?ISO-8859-1?Q?_caf=E9_cr=E8me?=',
        'Date: Tue, 1 Apr 2025 10:00:00 +0200 (CEST)',
        'Message-ID: <a1@example.fr>',
        'In-Reply-To: <r2@centre.test> <other@x>',
        'References: <r1@centre.test>\r\n <r2@centre.test>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=ISO-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Bonjour, ma facture de f=E9vrier est erron=E9e.',
        '',
      ),
    );
    expect(mail.from).toEqual({ name: 'André Lévy', address: 'andre.levy@example.fr' });
    expect(mail.to).toEqual([{ name: 'Service clientèle', address: 'centre@test.local' }, { address: 'bob@example.fr' }]);
    expect(mail.cc).toEqual([{ address: 'claire@example.fr' }, { name: 'Dupont, Jean', address: 'jean@example.fr' }]);
    expect(mail.replyTo).toEqual([{ name: 'André', address: 'reponse@example.fr' }]);
    expect(mail.subject).toBe('Réclamation café crème');
    expect(mail.text?.trim()).toBe('Bonjour, ma facture de février est erronée.');
    expect(mail.html).toBeNull();
    expect(mail.date).toBe('2025-04-01T08:00:00.000Z');
    expect(mail.messageId).toBe('<a1@example.fr>');
    expect(mail.inReplyTo).toBe('<r2@centre.test>');
    expect(mail.references).toEqual(['<r1@centre.test>', '<r2@centre.test>']);
    expect(mail).toMatchObject({ mailboxId: 3, folder: 'INBOX', uidValidity: 77, uid: 12, attachments: [] });
  });

  it('keeps the raw source in the blob store', async () => {
    const raw = source('From: a@example.fr', 'Subject: brut', '', 'corps', '');
    const mail = await parse(raw);
    expect(mail.rawSize).toBe(raw.length);
    expect(blob(mail.rawSha256).equals(raw)).toBe(true);
  });

  it('lower-cases the auto-reply headers and keeps the others as written', async () => {
    const mail = await parse(
      source(
        'Return-Path: <>',
        'From: MAILER-DAEMON@example.fr',
        'Auto-Submitted: Auto-Replied; owner-email="x@example.fr"',
        'Precedence: BULK',
        'X-Autoreply: YES',
        'X-Auto-Response-Suppress: OOF, AutoReply',
        'List-Id: Annonces <annonces.example.fr>',
        'X-Unified-Case: 000123',
        'Subject: Absent',
        '',
        'Je suis absent.',
        '',
      ),
    );
    expect(mail.headers).toEqual({
      autoSubmitted: 'auto-replied; owner-email="x@example.fr"',
      precedence: 'bulk',
      xAutoreply: 'yes',
      xAutoResponseSuppress: 'oof, autoreply',
      returnPath: '<>',
      listId: 'Annonces <annonces.example.fr>',
      xUnifiedCase: '000123',
    });
  });

  it('adds the angle brackets a sender forgot and leaves absent headers out', async () => {
    const mail = await parse(source('From: a@example.fr', 'Message-ID: sans-chevrons@example.fr', '', 'x', ''));
    expect(mail.messageId).toBe('<sans-chevrons@example.fr>');
    expect(mail.headers).toEqual({});
    expect(mail.inReplyTo).toBeNull();
    expect(mail.references).toEqual([]);
    expect(mail.subject).toBe('');
  });
});

describe('parseMessage: dates', () => {
  const withDate = (date: string | null) =>
    source('From: a@example.fr', ...(date === null ? [] : [`Date: ${date}`]), 'Subject: date', '', 'x', '');

  it('takes a plausible Date header', async () => {
    expect((await parse(withDate('Mon, 31 Mar 2025 23:00:00 EST'))).date).toBe('2025-04-01T04:00:00.000Z');
  });

  it.each([
    ['missing', null],
    ['unparseable', 'le premier avril'],
    ['in the far future', 'Fri, 1 Jan 2099 10:00:00 +0000'],
    ['at the epoch', 'Thu, 1 Jan 1970 00:00:00 +0000'],
  ])('falls back to the server date when the header is %s', async (_label, date) => {
    expect((await parse(withDate(date))).date).toBe(received.toISOString());
  });

  it('falls back to the clock when the server gave no date either', async () => {
    const mail = await parse(withDate(null), { ...origin, internalDate: null });
    expect(mail.date).toBe('2025-04-02T12:00:00.000Z');
  });
});

describe('parseMessage: attachments', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

  it('decodes an RFC 2231 file name with accents, in one piece or continued', async () => {
    const mail = await parse(
      source(
        'From: a@example.fr',
        'Subject: pièces',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="sep"',
        '',
        '--sep',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Voir les pièces.',
        '--sep',
        'Content-Type: application/pdf',
        "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9%20sign%C3%A9.pdf",
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 un').toString('base64'),
        '--sep',
        'Content-Type: application/pdf',
        "Content-Disposition: attachment; filename*0*=ISO-8859-1''d%E9cembre;",
        ' filename*1*=%20%E0%20payer.pdf',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 deux').toString('base64'),
        '--sep--',
        '',
      ),
    );
    expect(mail.attachments.map((a) => a.displayName)).toEqual(['résumé signé.pdf', 'décembre à payer.pdf']);
    expect(mail.attachments.map((a) => a.mediaType)).toEqual(['application/pdf', 'application/pdf']);
    expect(blob(mail.attachments[0]!.sha256).toString()).toBe('%PDF-1.4 un');
    expect(mail.attachments[1]!.size).toBe('%PDF-1.4 deux'.length);
  });

  it('keeps an inline image with its Content-ID and the cid: link in the HTML', async () => {
    const mail = await parse(
      source(
        'From: a@example.fr',
        'Subject: logo',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related; boundary="rel"',
        '',
        '--rel',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Notre logo : <img src="cid:logo.123@example.fr"></p>',
        '--rel',
        'Content-Type: image/png',
        'Content-ID: <logo.123@example.fr>',
        'Content-Disposition: inline',
        'Content-Transfer-Encoding: base64',
        '',
        png.toString('base64'),
        '--rel--',
        '',
      ),
    );
    expect(mail.html).toContain('src="cid:logo.123@example.fr"');
    expect(mail.attachments).toHaveLength(1);
    const [image] = mail.attachments;
    expect(image).toMatchObject({ mediaType: 'image/png', contentId: 'logo.123@example.fr', displayName: 'image-1.png', size: png.length });
    expect(blob(image!.sha256).equals(png)).toBe(true);
  });

  it('keeps a nested message/rfc822 as one attachment', async () => {
    const inner = ['From: client@example.fr', 'Subject: message d\'origine', '', 'Texte transféré.', ''].join('\r\n');
    const mail = await parse(
      source(
        'From: a@example.fr',
        'Subject: Fwd',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="mix"',
        '',
        '--mix',
        'Content-Type: text/plain; charset=ISO-8859-1',
        '',
        'Je vous transfère ce message.',
        '--mix',
        'Content-Type: message/rfc822',
        '',
        inner,
        '--mix--',
        '',
      ),
    );
    expect(mail.text).toContain('Je vous transfère');
    expect(mail.text).not.toContain('Texte transféré');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ mediaType: 'message/rfc822', displayName: 'message-1.eml' });
    // The part is kept byte for byte, as it was sent (here in ISO-8859-1).
    expect(blob(mail.attachments[0]!.sha256).toString('latin1')).toBe(inner);
  });

  it('makes dangerous file names safe to offer', async () => {
    const part = (name: string) => [
      '--mix',
      'Content-Type: text/plain',
      `Content-Disposition: attachment; filename="${name}"`,
      '',
      `contenu de ${name}`,
    ];
    const mail = await parse(
      source(
        'From: a@example.fr',
        'Subject: noms',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="mix"',
        '',
        '--mix',
        'Content-Type: text/plain',
        '',
        'corps',
        ...part('../../etc/passwd'),
        ...part('CON.txt'),
        // A backslash in a quoted string escapes the next character (RFC 5322 §3.2.4): RFC 2231 it is.
        '--mix',
        'Content-Type: text/plain',
        "Content-Disposition: attachment; filename*=UTF-8''..%5C..%5CWindows%5Cwin.ini",
        '',
        'contenu',
        '--mix--',
        '',
      ),
    );
    expect(mail.attachments.map((a) => a.displayName)).toEqual(['passwd', '_CON.txt', 'win.ini']);
  });
});

describe('parseMessage: what cannot be parsed', () => {
  async function refused(raw: Buffer): Promise<Extract<ParsedSource, { kind: 'unparseable' }>> {
    const result = await parseMessage(raw, origin, { blobs, clock });
    if (result.kind !== 'unparseable') throw new Error('parsed');
    return result;
  }

  it('quarantines binary junk with a reason, its source kept', async () => {
    const junk = Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x0d, 0x0a, 0x00, 0x42]);
    const result = await refused(junk);
    expect(result.reason).toMatch(/illisible/);
    expect(blob(result.rawSha256).equals(junk)).toBe(true);
  });

  it('quarantines an empty source and text without any header', async () => {
    expect((await refused(Buffer.alloc(0))).reason).toMatch(/vide/);
    expect((await refused(Buffer.from('juste du texte\r\nsans en-tête\r\n'))).reason).toMatch(/en-tête/);
  });
});
