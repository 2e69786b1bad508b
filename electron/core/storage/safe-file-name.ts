import path from 'node:path';

// Names Windows reserves for devices, whatever the extension (CON.txt opens the console).
const reservedOnWindows = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A name safe to show, and to offer when the agent saves the file on any system: no folders, no
 * control or reserved characters, no device name, no trailing dot or space, at most 200 characters.
 * It is never used as a storage path (storage is by SHA-256).
 */
export function safeFileName(raw: string, fallback = 'piece-jointe'): string {
  const base = path.posix.basename(raw.replaceAll('\\', '/'));
  let name = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  if (name === '' || name === '.' || name === '..') name = fallback;
  if (reservedOnWindows.test(name)) name = `_${name}`;
  if (name.length > 200) {
    const ext = path.extname(name).slice(0, 20);
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name;
}
