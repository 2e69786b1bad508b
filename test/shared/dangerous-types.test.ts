import { describe, expect, it } from 'vitest';
import { fileExtension, isDangerousFile, judgeFile } from '../../shared/domain/dangerous-types';

describe('isDangerousFile', () => {
  it.each([
    ['setup.exe', 'application/octet-stream'],
    ['Facture.PDF.exe', 'application/pdf'],
    ['script.ps1', 'text/plain'],
    ['lien.lnk', 'application/octet-stream'],
    ['macro.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12'],
    ['installer.dmg', 'application/octet-stream'],
    ['run.sh', 'text/plain'],
    ['page.hta', 'application/hta'],
  ])('%s (%s) is dangerous by its name', (name, type) => {
    expect(isDangerousFile(name, type)).toBe(true);
  });

  it.each([
    ['photo', 'application/x-msdownload'],
    ['document', 'application/x-msdos-program'],
    ['facture', 'application/x-sh'],
    ['archive', 'application/java-archive'],
    ['dessin', 'image/svg+xml; charset=utf-8'],
    ['classeur', 'application/vnd.ms-excel.sheet.macroenabled.12'],
  ])('%s (%s) is dangerous by its declared type', (name, type) => {
    expect(isDangerousFile(name, type)).toBe(true);
  });

  it.each([
    ['Facture janvier.pdf', 'application/pdf'],
    ['photo.JPG', 'image/jpeg'],
    ['contrat.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['tableau.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['notes.txt', 'text/plain'],
    ['exe', 'application/octet-stream'],
  ])('%s (%s) opens without a warning', (name, type) => {
    expect(isDangerousFile(name, type)).toBe(false);
  });

  it('reads the last extension, whatever its case', () => {
    expect(fileExtension('a.tar.GZ')).toBe('gz');
    expect(fileExtension('sans-extension')).toBe('');
  });
});

describe('judgeFile', () => {
  it.each([
    ['facture.pdf.exe.', 'facture.pdf.exe'],
    ['facture.pdf.exe . ', 'facture.pdf.exe'],
    ['facture.pdf.EXE', 'facture.pdf.EXE'],
    ['facture.pdf.exe:flux', 'facture.pdf.exe'],
    ['facture.pdf.exe::$DATA', 'facture.pdf.exe'],
    ['facture.pdf.exe\u202e', 'facture.pdf.exe'],
    ['\u202efdp.exe', 'fdp.exe'],
    ['facture.pdf.ex\u200be', 'facture.pdf.exe'],
    ['facture.pdf.exe\u0000', 'facture.pdf.exe'],
  ])('%j is dangerous under the name it is saved and opened as, %j', (raw, name) => {
    expect(judgeFile(raw, 'application/pdf')).toEqual({ name, dangerous: true });
    expect(isDangerousFile(raw, 'application/pdf')).toBe(true);
  });

  it('judges the name it gives back, whatever the name', () => {
    for (const raw of ['a.exe:', 'Re: devis.pdf', 'x.PDF\u202e.sh', 'notes.txt\u0085', '..\\run.bat.', 'CON.exe']) {
      const verdict = judgeFile(raw, 'text/plain');
      expect(verdict.dangerous).toBe(judgeFile(verdict.name, 'text/plain').dangerous);
      expect(verdict.dangerous).toBe(/\.(exe|sh|bat)$/i.test(verdict.name));
    }
  });
});
