import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncomingMail } from '../../../../electron/core/mail/incoming-mail';
import { withoutMboxEnvelope } from '../../../../electron/core/mail/mime/mbox-envelope';
import { parseMessage, type MessageOrigin } from '../../../../electron/core/mail/mime/parse-message';
import { createBlobStore } from '../../../../electron/core/storage/blob-store';
import { fixedClock } from '../../temp-database';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-mime-real-'));
const blobs = createBlobStore(dataDir);
const clock = fixedClock('2025-04-02T12:00:00.000Z');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const origin: MessageOrigin = { mailboxId: 3, folder: 'INBOX', uidValidity: 77, uid: 12, internalDate: new Date('2025-04-01T09:30:00.000Z') };

/** Real bytes: each line in the charset given (Latin-1 means one byte per accented letter), joined with CRLF. */
const bytes = (charset: string, ...lines: string[]) => iconv.encode(lines.join('\r\n'), charset);

async function parse(raw: Buffer): Promise<IncomingMail> {
  const result = await parseMessage(raw, origin, { blobs, clock });
  if (result.kind !== 'mail') throw new Error(`unparseable: ${result.reason}`);
  return result.mail;
}

const replacementChar = '\uFFFD';

describe('an mbox `From ` envelope line', () => {
  const message = (first: string) =>
    bytes('utf8', first, 'From: Lucie Petit <lucie@example.fr>', 'Subject: Export de ma boîte', 'Message-ID: <mbox1@example.fr>', '', 'Bonjour.', '');

  it('is skipped: the message under it is filed, its source kept whole', async () => {
    const raw = message('From lucie@example.fr Tue Apr  1 10:00:00 2025');
    const mail = await parse(raw);
    expect(mail.from).toEqual({ name: 'Lucie Petit', address: 'lucie@example.fr' });
    expect(mail.subject).toBe('Export de ma boîte');
    expect(mail.messageId).toBe('<mbox1@example.fr>');
    expect(readFileSync(blobs.absolutePath(mail.rawSha256))).toEqual(raw);
  });

  it('is told from an obsolete `From :` header, which stays as it is', () => {
    const obsolete = bytes('utf8', 'From : Lucie <lucie@example.fr>', 'Subject: x', '', 'y', '');
    expect(withoutMboxEnvelope(obsolete)).toEqual(obsolete);
    const envelope = bytes('utf8', 'From MAILER-DAEMON Fri Jul  8 12:08:34 2011', 'Subject: x', '', 'y', '');
    expect(withoutMboxEnvelope(envelope).toString()).toBe('Subject: x\r\n\r\ny\r\n');
  });
});

describe('undeclared 8-bit text', () => {
  it('decodes Latin-1 headers and body with no charset at all, never U+FFFD', async () => {
    const raw = bytes(
      'latin1',
      'From: Hélène Dupré <helene@example.fr>',
      'Subject: Réclamation colis abîmé',
      'Message-ID: <latin1@example.fr>',
      '',
      'Le colis est arrivé abîmé, je suis très déçue. Pouvez-vous me rembourser ?',
      '',
    );
    const mail = await parse(raw);
    expect(mail.subject).toBe('Réclamation colis abîmé');
    expect(mail.from).toEqual({ name: 'Hélène Dupré', address: 'helene@example.fr' });
    expect(mail.text?.trim()).toBe('Le colis est arrivé abîmé, je suis très déçue. Pouvez-vous me rembourser ?');
  });

  it('decodes Windows-1252 declared as us-ascii, with its € and typographic quotes', async () => {
    const raw = bytes(
      'win1252',
      'From: facturation@example.fr',
      'Subject: Facture',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=us-ascii',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Le montant de 49,90 € n’est pas le bon : « erreur » de l’œuvre.',
      '',
    );
    const mail = await parse(raw);
    expect(mail.text?.trim()).toBe('Le montant de 49,90 € n’est pas le bon : « erreur » de l’œuvre.');
  });

  it('decodes quoted-printable Latin-1 declared as utf-8, in an alternative with its HTML', async () => {
    const raw = bytes(
      'latin1',
      'From: a@example.fr',
      'Subject: =?utf-8?q?Commande?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Commande re=E7ue, d=E9j=E0 pay=E9e.',
      '--b1',
      'Content-Type: text/html',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<p>Commande reçue, déjà payée.</p>',
      '--b1--',
      '',
    );
    const mail = await parse(raw);
    expect(mail.text?.trim()).toBe('Commande reçue, déjà payée.');
    expect(mail.html).toContain('Commande reçue, déjà payée.');
  });

  it('reads a text part that declares an unknown charset by its bytes', async () => {
    const raw = bytes('latin1', 'From: a@example.fr', 'Subject: x', 'Content-Type: text/plain; charset=x-inconnu-42', '', 'Très bien reçu, merci beaucoup à vous.', '');
    expect((await parse(raw)).text?.trim()).toBe('Très bien reçu, merci beaucoup à vous.');
  });

  it('reads UTF-8 mislabelled as ISO-8859-1 as UTF-8', async () => {
    const raw = Buffer.concat([
      bytes('latin1', 'From: a@example.fr', 'Subject: x', 'Content-Type: text/plain; charset=iso-8859-1', '', ''),
      Buffer.from('Très bien reçu, déjà payé.\r\n', 'utf8'),
    ]);
    expect((await parse(raw)).text?.trim()).toBe('Très bien reçu, déjà payé.');
  });

  it('leaves well-declared and valid UTF-8 text as it is', async () => {
    const raw = bytes('utf8', 'From: Zoé <zoe@example.fr>', 'Subject: Noël à Kraków, 東京', '', 'Ça marche : Ω, ß, 東京.', '');
    const mail = await parse(raw);
    expect(mail.subject).toBe('Noël à Kraków, 東京');
    expect(mail.from?.name).toBe('Zoé');
    expect(mail.text?.trim()).toBe('Ça marche : Ω, ß, 東京.');
  });

  it('never leaves a replacement character in a Latin-1 attachment name', async () => {
    const raw = bytes(
      'latin1',
      'From: a@example.fr',
      'Subject: PJ',
      'Content-Type: multipart/mixed; boundary=zz',
      '',
      '--zz',
      'Content-Type: text/plain',
      '',
      'Voir la pièce jointe.',
      '--zz',
      'Content-Type: application/pdf; name="relevé été.pdf"',
      'Content-Disposition: attachment; filename="relevé été.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQK',
      '--zz--',
      '',
    );
    const mail = await parse(raw);
    expect(mail.attachments.map((a) => a.displayName)).toEqual(['relevé été.pdf']);
    expect(mail.text).not.toContain(replacementChar);
  });
});

describe('attachment names', () => {
  it('loses bidi overrides and control characters, so `U+202E fdp.exe` reads as what it is', async () => {
    const raw = bytes(
      'utf8',
      'From: a@example.fr',
      'Subject: PJ',
      'Content-Type: multipart/mixed; boundary=zz',
      '',
      '--zz',
      'Content-Type: text/plain',
      '',
      'Voir.',
      '--zz',
      'Content-Type: application/octet-stream',
      "Content-Disposition: attachment; filename*=utf-8''facture\u202Efdp.exe",
      '',
      'MZ',
      '--zz',
      'Content-Type: application/octet-stream',
      "Content-Disposition: attachment; filename*=utf-8''re%E2%80%8Fle%E2%81%A6v%C2%85e.txt",
      '',
      'x',
      '--zz--',
      '',
    );
    const mail = await parse(raw);
    expect(mail.attachments.map((a) => a.displayName)).toEqual(['facturefdp.exe', 'releve.txt']);
  });
});

describe('encoded words and multiparts that say the wrong thing', () => {
  it('reads an encoded word whose bytes are not in the charset it names (or in none known)', async () => {
    const raw = bytes('utf8', 'From: =?utf-8?q?H=E9l=E8ne?= <h@example.fr>', 'Subject: =?x-inconnu?Q?Bonjour_=E9t=E9?= =?UTF-8?B?' + Buffer.from('Réclamation', 'latin1').toString('base64') + '?=', '', 'x', '');
    const mail = await parse(raw);
    expect(mail.from?.name).toBe('Hélène');
    expect(mail.subject).toBe('Bonjour étéRéclamation');
  });

  it('shows the text of a multipart whose boundary never appears, rather than nothing', async () => {
    const raw = bytes('utf8', 'From: a@example.fr', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="jamais"', '', 'Texte sans frontière.', '');
    expect((await parse(raw)).text?.trim()).toBe('Texte sans frontière.');
  });

  it('shows the text of a multipart that names no boundary', async () => {
    const raw = bytes('latin1', 'From: a@example.fr', 'Subject: x', 'Content-Type: multipart/mixed', '', 'Corps sans paramètre boundary.', '');
    expect((await parse(raw)).text?.trim()).toBe('Corps sans paramètre boundary.');
  });
});
