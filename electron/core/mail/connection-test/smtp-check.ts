import { createTransport } from 'nodemailer';
import type { MailEndpoint } from '../../../../shared/domain/mailbox';
import { smtpOptions, type MailTimeouts, type MailTrust } from '../outbox/mail-endpoint';
import { certificateReason, connectionReason } from '../outbox/network-reasons';
import { passed, StepFailure, type StepOutcome } from './step-runner';

export interface SmtpTarget {
  endpoint: MailEndpoint;
  password: string | null;
  trust: MailTrust;
  timeouts: MailTimeouts;
}

/** nodemailer's verify(): connects as the outbox will, logs in, sends nothing. */
export async function smtpLogin(target: SmtpTarget): Promise<StepOutcome> {
  const { endpoint, password } = target;
  if (password === null) throw new StepFailure('Aucun mot de passe n’est enregistré pour cette boîte : saisissez-le.');
  const transport = createTransport({
    ...smtpOptions(endpoint, target.trust, target.timeouts),
    auth: { user: endpoint.user, pass: password },
  });
  try {
    await transport.verify();
    return passed(`Connecté en tant que « ${endpoint.user} » : le serveur accepte d’envoyer pour cette boîte.`);
  } catch (error) {
    throw new StepFailure(smtpFailure(error, endpoint.user));
  } finally {
    transport.close();
  }
}

function smtpFailure(error: unknown, user: string): string {
  const e = error as { code?: string; response?: string };
  if (e?.code === 'EAUTH') {
    const words = e.response ? ` (réponse du serveur : « ${e.response.trim()} »)` : '';
    return `Identifiant « ${user} » ou mot de passe refusé par le serveur SMTP${words}.`;
  }
  const tls = certificateReason(error);
  if (tls) return `Connexion sécurisée refusée : ${tls}.`;
  return `Connexion SMTP interrompue : ${connectionReason(error)}.`;
}
