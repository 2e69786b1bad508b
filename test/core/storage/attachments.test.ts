import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../electron/core/storage/safe-file-name';

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
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = safeFileName(`${'a'.repeat(300)}.pdf`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

