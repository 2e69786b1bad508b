import { safeFileName } from './file-name';

/**
 * Files that can run code when opened with the system's default application (Outlook's "Level 1"
 * list, Thunderbird's and Windows' executable types, plus macOS and Linux installers and scripts).
 * The screen warns before opening one and the core refuses to open one unless the agent confirmed.
 * Saving is always allowed: a saved file runs only if someone opens it later.
 */
export const dangerousExtensions: ReadonlySet<string> = new Set([
  // Windows programs, installers and shortcuts
  'exe', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'dll', 'sys', 'drv', 'ocx', 'lnk', 'url',
  'appref-ms', 'application', 'gadget', 'inf', 'ins', 'isp', 'reg', 'scf', 'cer', 'crt', 'der',
  'appx', 'appxbundle', 'msix', 'msixbundle', 'settingcontent-ms', 'library-ms', 'diagcab', 'iso', 'img', 'vhd', 'vhdx',
  // Scripts the system runs on a double-click
  'bat', 'cmd', 'js', 'jse', 'vb', 'vbe', 'vbs', 'wsf', 'wsh', 'wsc', 'ws', 'ps1', 'ps1xml', 'ps2', 'psc1', 'psm1',
  'hta', 'htm', 'html', 'xht', 'xhtml', 'svg', 'mht', 'mhtml', 'chm', 'hlp', 'sct', 'shb', 'shs', 'xbap', 'xll',
  // Office documents with macros
  'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm',
  // Java, macOS, Linux
  'jar', 'jnlp', 'class', 'app', 'dmg', 'pkg', 'mpkg', 'command', 'tool', 'workflow', 'terminal', 'scpt',
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'run', 'bin', 'elf', 'deb', 'rpm', 'appimage', 'desktop', 'py', 'pl', 'rb',
]);

/** Media types that announce a program or a script, whatever the file's name says. */
const dangerousMediaTypes: readonly RegExp[] = [
  /^application\/(x-)?(ms)?(dos)?-?(executable|msdownload|msdos-program|exe|dosexec)$/,
  /^application\/x-ms(i|installer)$/,
  /^application\/x-(sh|shellscript|csh|bat|msdos-batch|python|perl|ruby)$/,
  /^application\/(x-)?(javascript|ecmascript|vbscript|java-archive|java-jnlp-file|hta)$/,
  /^text\/(javascript|ecmascript|vbscript|x-sh|x-shellscript|x-python|x-perl|html|x-component)$/,
  /^application\/(x-)?(apple-diskimage|x-newton-compatible-pkg|vnd\.microsoft\.portable-executable|x-elf|x-sharedlib)$/,
  /^application\/(xhtml\+xml|x-ms-shortcut|x-internet-shortcut|hta)$/,
  /^image\/svg\+xml$/,
  /^application\/vnd\.ms-[a-z]+\.[a-z.]*macroenabled\.12$/,
];

/** The last extension of a name, lower case ("Facture.PDF.exe" → "exe"). */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).trim().toLowerCase();
}

/** A file's name as it is saved and opened, and whether opening it may run something. */
export interface FileVerdict {
  name: string;
  dangerous: boolean;
}

/**
 * Cleans the name first, then judges that very name: judging the raw name let `facture.pdf.exe.`
 * pass as "no extension" while the system was handed `facture.pdf.exe`. Both the name and the
 * declared type count: a mail can call an `.exe` "image/png", and the system opens by name.
 */
export function judgeFile(rawName: string, mediaType: string, fallbackName?: string): FileVerdict {
  const name = safeFileName(rawName, fallbackName);
  const type = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return { name, dangerous: dangerousExtensions.has(fileExtension(name)) || dangerousMediaTypes.some((pattern) => pattern.test(type)) };
}

/** Whether opening the file may run something (the verdict of `judgeFile`). */
export function isDangerousFile(rawName: string, mediaType: string): boolean {
  return judgeFile(rawName, mediaType).dangerous;
}
