import type { ImapFlow, ListResponse } from 'imapflow';

/**
 * The mailbox's Sent folder: where every reply is filed (PRODUCT.md: "Sent" means handed to the SMTP
 * server AND appended there), and where an uncertain send is looked for before any resend.
 */

export class SentFolderMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SentFolderMissing';
  }
}

/**
 * The configured folder when a name is set, else the one the server flags `\Sent` (RFC 6154).
 * Without either, filing would silently go nowhere: refuse instead, with what to set.
 */
export function pickSentFolder(folders: readonly ListResponse[], configured: string | null): ListResponse {
  if (configured !== null) {
    const found = folders.find((folder) => folder.path === configured);
    if (found) return found;
    const flagged = folders.find(isSentFolder);
    const hint = flagged ? ` Le serveur signale « ${flagged.path} » comme dossier des messages envoyés.` : '';
    throw new SentFolderMissing(`Le dossier « ${configured} » n’existe pas sur le serveur.${hint}`);
  }
  const flagged = folders.find(isSentFolder);
  if (flagged) return flagged;
  throw new SentFolderMissing(
    'Le serveur ne signale aucun dossier des messages envoyés (attribut \\Sent) : indiquez son nom dans les réglages de la boîte.',
  );
}

const isSentFolder = (folder: ListResponse) => folder.specialUse === '\\Sent';

export async function findSentFolder(client: ImapFlow, configured: string | null): Promise<string> {
  return pickSentFolder(await client.list(), configured).path;
}

/** Whether a message with this Message-ID (angle brackets included) is in the folder. */
export async function folderHasMessage(client: ImapFlow, folder: string, messageId: string): Promise<boolean> {
  const lock = await client.getMailboxLock(folder, { readOnly: true });
  try {
    const uids = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    // `false` is the server refusing the search: read as "not there", it would cause a resend.
    if (!Array.isArray(uids)) throw new Error(`le serveur refuse de chercher dans « ${folder} »`);
    return uids.length > 0;
  } finally {
    lock.release();
  }
}

/**
 * Files the exact bytes that were sent, read (`\Seen`), unless the copy is already there: a
 * server that files submitted mail itself (Gmail, Exchange) or a retry after a crash would
 * otherwise leave two copies.
 */
export async function fileSentCopy(client: ImapFlow, folder: string, messageId: string, raw: Buffer): Promise<'filed' | 'already_there'> {
  if (await folderHasMessage(client, folder, messageId)) return 'already_there';
  if (!(await client.append(folder, raw, ['\\Seen']))) throw new Error(`le serveur n’a pas enregistré la copie dans « ${folder} »`);
  return 'filed';
}
