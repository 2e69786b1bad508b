import type { ListResponse } from 'imapflow';
import type { MailEndpoint } from '../../../../shared/domain/mailbox';
import { withImap } from '../outbox/imap-session';
import type { MailTimeouts, MailTrust } from '../outbox/mail-endpoint';
import { certificateReason, connectionReason } from '../outbox/network-reasons';
import { pickSentFolder } from '../outbox/sent-folder';
import { passed, StepFailure, type StepOutcome } from './step-runner';

export interface ImapTarget {
  endpoint: MailEndpoint;
  password: string | null;
  trust: MailTrust;
  timeouts: MailTimeouts;
}

/** Logs in and lists the folders, which the folder step then reads. */
export async function imapLogin(target: ImapTarget): Promise<{ outcome: StepOutcome; folders: ListResponse[] }> {
  const { endpoint, password } = target;
  if (password === null) throw new StepFailure('Aucun mot de passe n’est enregistré pour cette boîte : saisissez-le.');
  try {
    const folders = await withImap({ ...target, password }, (client) => client.list());
    return { outcome: passed(`Connecté en tant que « ${endpoint.user} ».`), folders };
  } catch (error) {
    throw new StepFailure(imapFailure(error, endpoint.user));
  }
}

function imapFailure(error: unknown, user: string): string {
  const e = error as { authenticationFailed?: boolean; responseText?: string };
  if (e?.authenticationFailed) {
    const words = e.responseText ? ` (réponse du serveur : « ${e.responseText} »)` : '';
    return `Identifiant « ${user} » ou mot de passe refusé par le serveur IMAP${words}.`;
  }
  const tls = certificateReason(error);
  if (tls) return `Connexion sécurisée refusée : ${tls}.`;
  return `Connexion IMAP interrompue : ${connectionReason(error)}.`;
}

const isInbox = (folder: ListResponse, name: string) =>
  name.toUpperCase() === 'INBOX' ? folder.path.toUpperCase() === 'INBOX' : folder.path === name;

/** The inbox synced from, and the Sent folder replies are filed in (flagged `\Sent` or named). */
export function checkFolders(folders: readonly ListResponse[], inboxFolder: string, sentFolder: string | null): StepOutcome {
  if (!folders.some((folder) => isInbox(folder, inboxFolder))) {
    throw new StepFailure(`Le dossier de réception « ${inboxFolder} » n’existe pas sur le serveur.`);
  }
  let sent: ListResponse;
  try {
    sent = pickSentFolder(folders, sentFolder);
  } catch (error) {
    throw new StepFailure(error instanceof Error ? error.message : String(error));
  }
  const how = sentFolder === null ? 'signalé \\Sent par le serveur' : 'nom configuré';
  return passed(`Réception : « ${inboxFolder} » ; messages envoyés : « ${sent.path} » (${how}).`);
}
