/**
 * Why a mail server could not be reached, in French words an administrator can act on. Node,
 * OpenSSL, nodemailer and imapflow each name failures their own way; this is the one translation.
 */

interface ErrorLike {
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  reason?: unknown;
}

const certificateReasons: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'le certificat du serveur est auto-signé : aucune autorité de confiance ne le garantit',
  SELF_SIGNED_CERT_IN_CHAIN: 'la chaîne du certificat se termine par une autorité auto-signée inconnue de cet ordinateur',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'le certificat du serveur n’est signé par aucune autorité reconnue (chaîne incomplète ?)',
  UNABLE_TO_GET_ISSUER_CERT: 'l’autorité qui a émis le certificat du serveur est inconnue',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'l’autorité qui a émis le certificat du serveur est inconnue de cet ordinateur',
  CERT_HAS_EXPIRED: 'le certificat du serveur a expiré',
  CERT_NOT_YET_VALID: 'le certificat du serveur n’est pas encore valide (vérifiez l’horloge de cet ordinateur)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'le certificat du serveur est émis pour un autre nom que celui saisi',
  CERT_REVOKED: 'le certificat du serveur a été révoqué',
  ERR_SSL_WRONG_VERSION_NUMBER: 'le serveur ne parle pas TLS sur ce port (essayez STARTTLS, ou le port TLS du serveur)',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'le serveur ne propose qu’une version de TLS trop ancienne (TLS 1.2 au minimum)',
};

const networkReasons: Readonly<Record<string, string>> = {
  ENOTFOUND: 'ce nom de serveur est introuvable (DNS)',
  EAI_AGAIN: 'le serveur DNS ne répond pas : vérifiez la connexion à Internet',
  ECONNREFUSED: 'connexion refusée : aucun service n’écoute sur ce port',
  ECONNRESET: 'le serveur a coupé la connexion',
  EPIPE: 'le serveur a coupé la connexion',
  ETIMEDOUT: 'le serveur ne répond pas (délai dépassé)',
  CONNECT_TIMEOUT: 'le serveur ne répond pas (délai de connexion dépassé)',
  GREETING_TIMEOUT: 'le serveur accepte la connexion mais ne se présente pas (délai dépassé)',
  UPGRADE_TIMEOUT: 'le passage en TLS n’aboutit pas (délai dépassé)',
  EHOSTUNREACH: 'serveur injoignable depuis ce réseau',
  ENETUNREACH: 'réseau injoignable : vérifiez la connexion de cet ordinateur',
  ECONNECTION: 'la connexion s’est interrompue',
  EConnectionClosed: 'la connexion s’est interrompue',
  NoConnection: 'la connexion s’est interrompue',
};

const codesOf = (error: ErrorLike): string[] =>
  [error.code, error.originalCode].filter((code): code is string => typeof code === 'string');

/** A certificate or TLS-handshake failure, in French; null when the error is something else. */
export function certificateReason(error: unknown): string | null {
  const e = (error ?? {}) as ErrorLike & { cause?: unknown; _err?: unknown };
  for (const code of codesOf(e)) {
    const reason = certificateReasons[code];
    if (reason) return reason;
  }
  if (typeof e.message === 'string' && /wrong version number|packet length too long/i.test(e.message)) {
    return certificateReasons.ERR_SSL_WRONG_VERSION_NUMBER as string;
  }
  // imapflow and nodemailer wrap the socket's error.
  for (const inner of [e.cause, e._err]) {
    if (inner && inner !== error) {
      const reason = certificateReason(inner);
      if (reason) return reason;
    }
  }
  return null;
}

export function networkReason(error: unknown): string | null {
  for (const code of codesOf((error ?? {}) as ErrorLike)) {
    const reason = networkReasons[code];
    if (reason) return reason;
  }
  return null;
}

/** The best French reason for any connection failure, with the original words as a last resort. */
export function connectionReason(error: unknown): string {
  return certificateReason(error) ?? networkReason(error) ?? `erreur inattendue : ${rawMessage(error)}`;
}

/** The server's or library's own words, trimmed: kept in reasons so that support can search them. */
export function rawMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300);
}
