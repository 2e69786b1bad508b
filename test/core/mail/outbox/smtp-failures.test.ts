import { describe, expect, it } from 'vitest';
import { classifySmtpFailure } from '../../../../electron/core/mail/outbox/smtp-failures';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('smtp'), fields);

describe('what an SMTP failure means for a reply', () => {
  it('fails on a refusal of the message (5xx), naming the refused recipients', () => {
    const refusal = classifySmtpFailure(
      smtpError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true, response: '550 No such user', rejected: ['x@y.fr'] }),
      false,
    );
    expect(refusal).toMatchObject({ kind: 'permanent', reason: 'destinataire refusé par le serveur d’envoi : x@y.fr (550 No such user)' });
    expect(classifySmtpFailure(smtpError({ code: 'EMESSAGE', responseCode: 554, response: '554 spam' }), true).kind).toBe('permanent');
  });

  it('retries on 4xx, on 503, and on refused credentials (an administrator can fix those)', () => {
    expect(classifySmtpFailure(smtpError({ responseCode: 451, permanent: false, response: '451 later' }), true).kind).toBe('temporary');
    expect(classifySmtpFailure(smtpError({ responseCode: 503, response: '503 bad sequence' }), false).kind).toBe('temporary');
    const auth = classifySmtpFailure(smtpError({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 invalid' }), false);
    expect(auth).toMatchObject({ kind: 'temporary', reason: expect.stringMatching(/mot de passe.*535 invalid/) });
  });

  it('retries when the connection fails before the whole message was written', () => {
    const refused = classifySmtpFailure(smtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }), false);
    expect(refused).toMatchObject({ kind: 'temporary', reason: 'serveur d’envoi injoignable : connexion refusée : aucun service n’écoute sur ce port' });
    const certificate = classifySmtpFailure(smtpError({ code: 'ETLS', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), false);
    expect(certificate.reason).toMatch(/connexion sécurisée impossible.*auto-signé/);
    expect(classifySmtpFailure(smtpError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }), false).kind).toBe('temporary');
  });

  it('calls a connection lost after the whole message was written uncertain', () => {
    const lost = classifySmtpFailure(smtpError({ code: 'ECONNECTION', command: 'CONN' }), true);
    expect(lost.kind).toBe('uncertain');
    expect(classifySmtpFailure(smtpError({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }), true).kind).toBe('uncertain');
  });
});
