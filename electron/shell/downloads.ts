import path from 'node:path';
import { safeFileName } from '../../shared/domain/file-name';
import type { DownloadItem, Session } from './electron-api';
import { appOrigin, isAppUrl } from './app-origin';
import type { ShellLocale } from './shell-locale';

const dialogWords = {
  fr: { title: 'Enregistrer le fichier', button: 'Enregistrer' },
  en: { title: 'Save File', button: 'Save' },
} as const;

const fallbackName = { fr: 'fichier', en: 'file' } as const;

/** Only what our own pages produce: app:// files, and blob:/data: URLs made by them. */
export function isOwnDownload(url: string): boolean {
  return isAppUrl(url) || url.startsWith(`blob:${appOrigin}/`) || url.startsWith('data:');
}

type DownloadingItem = Pick<DownloadItem, 'getURL' | 'getFilename' | 'setSaveDialogOptions' | 'cancel'>;

/**
 * Every download of the window's session goes through the system's save dialog, proposing a safe
 * name in the Downloads folder (no folders: a name from a mail may be `../../x`): the agent decides where a file from a mail lands. A download our
 * pages did not make is cancelled.
 */
export function handleDownloads(session: Pick<Session, 'on'>, downloadsDir: string, locale: ShellLocale): void {
  session.on('will-download', (_event, item: DownloadingItem) => {
    if (!isOwnDownload(item.getURL())) return item.cancel();
    const words = dialogWords[locale];
    item.setSaveDialogOptions({
      title: words.title,
      buttonLabel: words.button,
      // The core's one safe name (`shared/domain/file-name.ts`): the name the screen showed and judged.
      defaultPath: path.join(downloadsDir, safeFileName(item.getFilename(), fallbackName[locale])),
    });
  });
}
