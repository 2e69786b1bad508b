// Names Windows reserves for devices, whatever the extension (CON.txt opens the console).
const reservedOnWindows = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Invisible characters that change how a name reads (Unicode "Cf"): bidi marks, overrides and
 * isolates (`facture\u202Efdp.exe` reads « factureexe.pdf »), zero-width characters, the BOM.
 */
const invisible = /\p{Cf}/gu;

/**
 * `name.ext:stream` and `name.ext::$DATA`: NTFS alternate data streams, which Windows writes and opens
 * as `name.ext`. Only after an extension, so that « Re: facture.pdf » keeps its words.
 */
const dataStream = /^(.*\.[^.:\s]+)[.\s]*:[^:]*(?::\$DATA)?$/i;

// Windows drops trailing dots and spaces (`a.exe.` is `a.exe`); a leading dot hides a file elsewhere.
const edges = /^[\p{Cc}\s.]+|[\p{Cc}\s.]+$/gu;

/** Control characters, and what Windows refuses in a name (folders included). */
const forbidden = /[\p{Cc}<>:"/\\|?*]/gu;

const maxLength = 200;

/**
 * The one name a file goes by: shown, saved, attached to a mail, copied for the system to open, and
 * judged by `judgeFile` (`dangerous-types.ts`), so the type the agent is warned about is the type the
 * system runs. No folders, control, invisible or reserved characters, no stream, no device name, no
 * dot or space at either end, at most 200 characters. Never a storage path (storage is by SHA-256).
 */
export function safeFileName(raw: string, fallback = 'piece-jointe'): string {
  const base = raw.replaceAll('\\', '/').split('/').pop() ?? '';
  let name = base.normalize('NFC').replace(invisible, '').replace(dataStream, '$1').replace(edges, '').replace(forbidden, '_');
  if (reservedOnWindows.test(name)) name = `_${name}`;
  if (name.length > maxLength) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? name.slice(dot).slice(0, 20) : '';
    name = name.slice(0, maxLength - extension.length).replace(edges, '') + extension;
  }
  return name === '' ? fallback : name;
}
