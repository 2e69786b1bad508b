import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../shared/domain/file-name';

describe('safeFileName', () => {
  it.each([
    ['facture.pdf', 'facture.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system.ini', 'system.ini'],
    ['CON', '_CON'],
    ['com1.txt', '_com1.txt'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['rapport. ', 'rapport'],
    ['..', 'piece-jointe'],
    ['', 'piece-jointe'],
    ['nul\u0000.txt', 'nul_.txt'],
    ['.bashrc', 'bashrc'],
    ['facture.pdf.exe.', 'facture.pdf.exe'],
    ['facture.pdf.exe . .', 'facture.pdf.exe'],
    ['facture.pdf.exe\t', 'facture.pdf.exe'],
    ['facture.pdf.exe:flux', 'facture.pdf.exe'],
    ['facture.pdf.exe::$DATA', 'facture.pdf.exe'],
    ['Re: facture.pdf', 'Re_ facture.pdf'],
    ['facture\u202efdp.exe', 'facturefdp.exe'],
    ['a\u2066b\u2069.e\u200bxe\ufeff', 'ab.exe'],
    ['bon\u0085de\u009bcommande.pdf', 'bon_de_commande.pdf'],
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('keeps an ordinary name, accents and spaces included', () => {
    expect(safeFileName('Relevé de compte – mars.pdf')).toBe('Relevé de compte – mars.pdf');
  });

  it('gives the fallback when nothing is left', () => {
    expect(safeFileName('...', 'fichier')).toBe('fichier');
    expect(safeFileName('\u202e', 'file')).toBe('file');
  });

  it('is stable: a cleaned name cleans to itself', () => {
    for (const raw of ['facture.pdf.exe. ', 'a\u202e.exe:x', ' .CON.txt', `${'b'.repeat(300)}. .pdf`]) {
      const once = safeFileName(raw);
      expect(safeFileName(once)).toBe(once);
    }
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = safeFileName(`${'a'.repeat(300)}.pdf`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
