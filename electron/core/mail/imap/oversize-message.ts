import { parseMessage, type ParseDeps, type ParsedSource } from '../mime/parse-message';

/** « 44 Mo », « 1,5 Mo »; below a megabyte in kilobytes, so that a small limit never reads « 0 Mo ». */
export function frenchSize(bytes: number): string {
  const megabyte = 1024 * 1024;
  if (bytes < megabyte) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} Ko`;
  return `${(bytes / megabyte).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

/**
 * The text an over-size message is filed with, where its body would be: why there is none, and
 * where the whole message still is (the sync leaves mail on the server as it found it).
 */
export const oversizeNote = (size: number, folder: string) =>
  `Message trop volumineux (${frenchSize(size)}) : le contenu n’a pas été téléchargé. ` +
  `Il est resté tel quel sur le serveur de messagerie (dossier ${folder}), où un logiciel de messagerie peut l’ouvrir.`;

export interface OversizeInput {
  mailboxId: number;
  folder: string;
  uidValidity: number;
  uid: number;
  /** RFC822.SIZE, as the server listed it. */
  size: number;
  limit: number;
  /** BODY.PEEK[HEADER]; empty if the server sent none. */
  headers: Buffer;
}

/**
 * A message too large to download is filed all the same (issue 12: every message ends in a case or
 * the quarantine), from its headers alone: the case shows who sent what and when, its text says the
 * body was too large, and filing tells the sender (`tooLarge`, see oversize-notice/). The headers
 * are its stored source. Headers that cannot be read go to the quarantine, the note as the detail.
 */
export async function oversizeMail(input: OversizeInput, deps: ParseDeps): Promise<ParsedSource> {
  const { headers, size, limit, ...where } = input;
  const parsed = await parseMessage(headers, { ...where, internalDate: null }, deps);
  const note = oversizeNote(size, where.folder);
  if (parsed.kind === 'unparseable') return { ...parsed, reason: `${note} ${parsed.reason}` };
  return { kind: 'mail', mail: { ...parsed.mail, text: note, html: null, attachments: [], rawSize: size, tooLarge: { size, limit } } };
}
