import type { Socket } from 'node:net';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { MailEndpoint } from '../../../../shared/domain/mailbox';
import { tlsOptions, type MailTimeouts, type MailTrust } from '../outbox/mail-endpoint';
import { certificateReason, networkReason } from '../outbox/network-reasons';
import { openSocket } from './network-probe';
import { imapStartTls, smtpStartTls } from './starttls-dialog';
import { notApplicable, passed, StepFailure, type StepOutcome } from './step-runner';

/**
 * The TLS step: the handshake the mail client will make (implicit, or after STARTTLS), with the
 * same trust, so that its verdict on the certificate is the one sending will meet.
 */
export async function tlsProbe(
  endpoint: MailEndpoint,
  protocol: 'imap' | 'smtp',
  trust: MailTrust,
  timeouts: MailTimeouts,
): Promise<StepOutcome> {
  if (endpoint.tls === 'none') {
    return notApplicable('Sans chiffrement : permis seulement parce que le serveur est sur cette machine.');
  }
  let plain: Socket | undefined;
  if (endpoint.tls === 'starttls') {
    plain = await openSocket(endpoint.host, endpoint.port, timeouts.connectMs);
    try {
      await (protocol === 'imap' ? imapStartTls : smtpStartTls)(plain, timeouts.greetingMs);
    } catch (error) {
      plain.destroy();
      throw error;
    }
  }
  const secure = await handshake(endpoint, trust, timeouts.connectMs, plain);
  try {
    return passed(describe(secure.getPeerCertificate(), secure.getProtocol()));
  } finally {
    secure.destroy();
  }
}

function handshake(endpoint: MailEndpoint, trust: MailTrust, timeoutMs: number, socket?: Socket): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({
      ...(socket ? { socket } : { port: endpoint.port }),
      // Also with a socket: the certificate is checked against this name (or IP, without SNI).
      host: endpoint.host,
      ...tlsOptions(endpoint, trust),
    });
    const fail = (error: unknown) => {
      secure.destroy();
      const reason = certificateReason(error) ?? networkReason(error) ?? String(error);
      reject(new StepFailure(`Connexion sécurisée refusée : ${reason}.`));
    };
    secure.setTimeout(timeoutMs, () => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    secure.once('error', fail);
    secure.once('secureConnect', () => {
      secure.setTimeout(0);
      secure.removeListener('error', fail);
      // Errors after the handshake (the server hanging up on us) no longer matter.
      secure.on('error', () => undefined);
      resolve(secure);
    });
  });
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

function nameOf(entity: PeerCertificate['subject'] | undefined): string {
  const value = entity?.CN ?? entity?.O ?? '?';
  return Array.isArray(value) ? value.join(', ') : value;
}

function describe(certificate: PeerCertificate, protocol: string | null): string {
  const until = certificate.valid_to ? dateFormat.format(new Date(certificate.valid_to)) : '?';
  return `Certificat valide pour « ${nameOf(certificate.subject)} », émis par « ${nameOf(certificate.issuer)} », jusqu’au ${until} (${protocol ?? 'TLS'}).`;
}
