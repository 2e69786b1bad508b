import { certificateReason, connectionReason } from './network-reasons';

/**
 * What a failed SMTP attempt means for the reply:
 * - `permanent`: the server refused the message itself (5xx): sending it again gets the same no;
 * - `temporary`: the server certainly did not accept it (4xx, refused or lost connection before
 *   the whole message was written): safe to send again later;
 * - `uncertain`: the connection died after the whole message was written and before the server
 *   answered. It may have been accepted. SMTP has no idempotency key, so the only evidence
 *   available later is the Message-ID in the Sent folder (servers that file submitted mail
 *   themselves put it there); without it, a resend is the lesser evil, since a reply silently
 *   never sent is worse for the contact than the rare duplicate.
 */
export type FailureKind = 'permanent' | 'temporary' | 'uncertain';

export class DeliveryFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    /** In French, for the agent and the administrator. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'DeliveryFailure';
  }
}

interface SmtpErrorLike {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
  rejected?: string[];
}

const serverWords = (error: SmtpErrorLike) => (error.response ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);

function refusedReason(error: SmtpErrorLike): string {
  const words = serverWords(error);
  if (error.rejected?.length) return `destinataire refusé par le serveur d’envoi : ${error.rejected.join(', ')} (${words})`;
  return `message refusé par le serveur d’envoi (${words})`;
}

/**
 * The application is stopping: the send in progress is cut rather than left to hold the exit
 * up, and recorded like a lost connection, so the next start sends it again or looks for it in
 * Sent first.
 */
export function interruptedByStop(payloadWritten: boolean): DeliveryFailure {
  if (payloadWritten) {
    return new DeliveryFailure(
      'uncertain',
      'envoi interrompu par l’arrêt de l’application après la transmission du message, avant sa confirmation',
    );
  }
  return new DeliveryFailure('temporary', 'envoi interrompu par l’arrêt de l’application, il reprendra au prochain démarrage');
}

export function classifySmtpFailure(error: unknown, payloadWritten: boolean): DeliveryFailure {
  const e = (error ?? {}) as SmtpErrorLike;
  if (e.code === 'EAUTH' || e.command?.startsWith('AUTH')) {
    // Retried, not failed: the message was not refused, the credentials were; once an
    // administrator fixes the password the waiting replies leave on their own.
    return new DeliveryFailure('temporary', `le serveur d’envoi refuse l’identifiant ou le mot de passe de la boîte (${serverWords(e)})`);
  }
  if (typeof e.responseCode === 'number') {
    if (e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503)) return new DeliveryFailure('permanent', refusedReason(e));
    return new DeliveryFailure('temporary', `le serveur d’envoi demande de réessayer plus tard (${serverWords(e)})`);
  }
  if (payloadWritten) {
    return new DeliveryFailure(
      'uncertain',
      'la connexion au serveur d’envoi s’est interrompue après la transmission du message, avant sa confirmation',
    );
  }
  const tls = certificateReason(error);
  if (tls) return new DeliveryFailure('temporary', `connexion sécurisée impossible au serveur d’envoi : ${tls}`);
  return new DeliveryFailure('temporary', `serveur d’envoi injoignable : ${connectionReason(error)}`);
}
