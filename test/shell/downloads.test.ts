import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { handleDownloads, isOwnDownload } from '../../electron/shell/downloads';

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

describe('the proposed name', () => {
  const proposed = (filename: string, locale: 'fr' | 'en' = 'fr') =>
    path.basename((download('data:text/plain,x', filename, locale).setSaveDialogOptions.mock.calls[0]![0] as { defaultPath: string }).defaultPath);

  it('is the name the core shows and judges: no folder, stream, invisible character or trailing dot', () => {
    expect(proposed('C:\\Users\\x\\rapport.docx')).toBe('rapport.docx');
    expect(proposed('facture.pdf.exe. ')).toBe('facture.pdf.exe');
    expect(proposed('facture.pdf.exe:flux')).toBe('facture.pdf.exe');
    expect(proposed('facture\u202efdp.exe')).toBe('facturefdp.exe');
    expect(proposed('CON.txt')).toBe('_CON.txt');
  });

  it('falls back to a plain name in the interface language when nothing is left', () => {
    expect(proposed('...')).toBe('fichier');
    expect(proposed('', 'en')).toBe('file');
  });
});
