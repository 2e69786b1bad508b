/** What went wrong with a mailbox, in the terms an administrator can act on. */
export type SyncProblem =
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'tls'
  | 'auth'
  | 'folder_missing'
  | 'timeout'
  | 'connection_lost'
  | 'silent'
  | 'no_password'
  | 'insecure'
  | 'sent_folder'
  | 'unknown';

/** A failure the sync itself detects (no password, a silent server, the Sent folder). */
export class SyncError extends Error {
  constructor(
    readonly problem: SyncProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

interface ErrorFields {
  code?: unknown;
  authenticationFailed?: unknown;
  serverResponseCode?: unknown;
  tlsFailed?: unknown;
  mailboxMissing?: unknown;
}

const codeGroups: Array<[SyncProblem, RegExp]> = [
  // getaddrinfo: ENOTFOUND (no such name), EAI_AGAIN (no DNS answer, e.g. offline).
  ['dns', /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME)$/],
  ['refused', /^ECONNREFUSED$/],
  ['unreachable', /^(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN)$/],
  // OpenSSL verification codes as Node reports them, and Node's own TLS/SSL errors.
  ['tls', /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_.*|CERT_.*|ERR_TLS_.*|ERR_SSL_.*)$/],
  // Node's ETIMEDOUT; imapflow's CONNECT_TIMEOUT, GREETING_TIMEOUT, UPGRADE_TIMEOUT, ETIMEOUT.
  ['timeout', /^(ETIMEDOUT|ETIMEOUT|CONNECT_TIMEOUT|GREETING_TIMEOUT|UPGRADE_TIMEOUT)$/],
  ['connection_lost', /^(ECONNRESET|EPIPE|NoConnection|EConnectionClosed|ClosedAfterConnect.*)$/],
];

/** Sorts an imapflow or Node error (their `code`, imapflow's flags) into a `SyncProblem`. */
export function classifyError(error: unknown): SyncProblem {
  if (error instanceof SyncError) return error.problem;
  const fields = (typeof error === 'object' && error !== null ? error : {}) as ErrorFields;
  if (fields.authenticationFailed === true || fields.serverResponseCode === 'AUTHENTICATIONFAILED') return 'auth';
  if (fields.mailboxMissing === true) return 'folder_missing';
  const code = typeof fields.code === 'string' ? fields.code : '';
  const group = codeGroups.find(([, pattern]) => pattern.test(code));
  if (group) return group[0];
  // imapflow flags a failed STARTTLS upgrade without always keeping OpenSSL's code.
  return fields.tlsFailed === true ? 'tls' : 'unknown';
}

export interface ErrorContext {
  host: string;
  port: number;
  folder: string;
}

const messages: Record<SyncProblem, (c: ErrorContext, detail: string) => string> = {
  dns: (c) => `Serveur IMAP « ${c.host} » introuvable (DNS) : vérifiez son nom et la connexion réseau.`,
  refused: (c) => `Connexion refusée par ${c.host}:${c.port} : vérifiez le port et que le serveur IMAP fonctionne.`,
  unreachable: (c) => `Serveur IMAP ${c.host} injoignable : vérifiez la connexion réseau.`,
  tls: (c) => `Certificat TLS de ${c.host} refusé (inconnu, expiré ou à un autre nom) : connexion non sûre, abandonnée.`,
  auth: () => `Authentification refusée par le serveur IMAP : identifiant ou mot de passe incorrect.`,
  folder_missing: (c) => `Dossier « ${c.folder} » introuvable sur le serveur IMAP : vérifiez le dossier de réception.`,
  timeout: (c) => `Le serveur IMAP ${c.host} ne répond pas (délai dépassé).`,
  connection_lost: () => `Connexion au serveur IMAP interrompue.`,
  silent: () => `Le serveur IMAP ne répond plus : nouvelle connexion.`,
  no_password: () => `Mot de passe de la boîte introuvable : saisissez-le à nouveau dans l'administration.`,
  insecure: (c) => `Connexion non chiffrée refusée vers ${c.host} : choisissez TLS ou STARTTLS (le clair n'est permis qu'en local).`,
  sent_folder: (c) => `Le dossier « ${c.folder} » est celui des messages envoyés : il n'est jamais relevé.`,
  unknown: (_c, detail) => `Erreur de synchronisation : ${detail}`,
};

/** The French sentence shown in the `sync.status` event for `error`. */
export function describeSyncError(error: unknown, context: ErrorContext): string {
  const detail = error instanceof Error ? error.message : String(error);
  return messages[classifyError(error)](context, detail);
}
