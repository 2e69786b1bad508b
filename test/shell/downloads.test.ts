import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { handleDownloads, isOwnDownload, safeDownloadName } from '../../electron/shell/downloads';

class FakeDownload {
  setSaveDialogOptions = vi.fn();
  cancel = vi.fn();
  constructor(
    private readonly url: string,
    private readonly filename: string,
  ) {}
  getURL = () => this.url;
  getFilename = () => this.filename;
}

function download(url: string, filename: string, locale: 'fr' | 'en' = 'fr') {
  const session = new EventEmitter();
  handleDownloads(session as unknown as Session, '/home/agent/Téléchargements', locale);
  const item = new FakeDownload(url, filename);
  session.emit('will-download', { preventDefault: vi.fn() }, item, {});
  return item;
}

describe('downloads', () => {
  it('go through the save dialog, proposing the file’s name in the Downloads folder', () => {
    const item = download('blob:app://unified/3f1c2a', 'Devis 2025.pdf');
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith({
      title: 'Enregistrer le fichier',
      buttonLabel: 'Enregistrer',
      defaultPath: path.join('/home/agent/Téléchargements', 'Devis 2025.pdf'),
    });
    expect(item.cancel).not.toHaveBeenCalled();
    expect(download('app://unified/files/ab12', 'a.txt', 'en').setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Save File', buttonLabel: 'Save' }),
    );
  });

  it('never propose a name that climbs out of the folder or that Windows refuses', () => {
    const item = download('data:text/plain,x', '../../.bashrc');
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join('/home/agent/Téléchargements', 'bashrc') }));
  });

  it('are cancelled when our pages did not make them', () => {
    const item = download('https://example.com/malware.exe', 'malware.exe');
    expect(item.cancel).toHaveBeenCalledOnce();
    expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
    expect(isOwnDownload('blob:https://example.com/1')).toBe(false);
    expect(isOwnDownload('app://other/x')).toBe(false);
  });
});

describe('safeDownloadName', () => {
  it('keeps an ordinary name, accents and spaces included', () => {
    expect(safeDownloadName('Relevé de compte – mars.pdf')).toBe('Relevé de compte – mars.pdf');
  });

  it('drops folders, Windows’ forbidden characters, control characters and edge dots or spaces', () => {
    expect(safeDownloadName('C:\\Users\\x\\rapport.docx')).toBe('rapport.docx');
    expect(safeDownloadName('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    expect(safeDownloadName('bon\u0000de\u001fcommande.pdf')).toBe('bon_de_commande.pdf');
    expect(safeDownloadName('  .cachée.txt. ')).toBe('cachée.txt');
  });

  it('renames Windows’ reserved device names and shortens very long names, keeping the extension', () => {
    expect(safeDownloadName('CON.txt')).toBe('_CON.txt');
    expect(safeDownloadName('com1')).toBe('_com1');
    const long = safeDownloadName(`${'x'.repeat(400)}.pdf`);
    expect(long).toHaveLength(180);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('falls back to a plain name when nothing is left', () => {
    expect(safeDownloadName('...')).toBe('fichier');
    expect(safeDownloadName('', 'en')).toBe('file');
  });
});
