import path from 'node:path';
import type { DownloadItem, Session } from './electron-api';
import { appOrigin, isAppUrl } from './app-origin';
import type { ShellLocale } from './shell-locale';

const dialogWords = {
  fr: { title: 'Enregistrer le fichier', button: 'Enregistrer' },
  en: { title: 'Save File', button: 'Save' },
} as const;

const fallbackName = { fr: 'fichier', en: 'file' } as const;

/**
 * A file name that is safe to propose on every system: no folders (a name from a mail may be
 * `../../x`), no characters Windows refuses, no control characters, no leading dot (a hidden file),
 * no trailing dot or space (Windows drops them), not a reserved device name, and not too long.
 */
export function safeDownloadName(suggested: string, locale: ShellLocale = 'fr'): string {
  const base = suggested.split(/[/\\]/).pop() ?? '';
  let name = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name)) name = `_${name}`;
  if (name.length > 180) {
    const extension = path.extname(name).slice(0, 20);
    name = name.slice(0, 180 - extension.length) + extension;
  }
  return name || fallbackName[locale];
}

/** Only what our own pages produce: app:// files, and blob:/data: URLs made by them. */
export function isOwnDownload(url: string): boolean {
  return isAppUrl(url) || url.startsWith(`blob:${appOrigin}/`) || url.startsWith('data:');
}

type DownloadingItem = Pick<DownloadItem, 'getURL' | 'getFilename' | 'setSaveDialogOptions' | 'cancel'>;

/**
 * Every download of the window's session goes through the system's save dialog, proposing a safe
 * name in the Downloads folder: the agent decides where a file from a mail lands. A download our
 * pages did not make is cancelled.
 */
export function handleDownloads(session: Pick<Session, 'on'>, downloadsDir: string, locale: ShellLocale): void {
  session.on('will-download', (_event, item: DownloadingItem) => {
    if (!isOwnDownload(item.getURL())) return item.cancel();
    const words = dialogWords[locale];
    item.setSaveDialogOptions({
      title: words.title,
      buttonLabel: words.button,
      defaultPath: path.join(downloadsDir, safeDownloadName(item.getFilename(), locale)),
    });
  });
}
