import type { Readable } from 'node:stream';
import SMTPConnection, { type SMTPConnectionSendInfo } from 'nodemailer/lib/smtp-connection';
import type { MailEndpoint } from '../../../../shared/domain/mailbox';
import { defaultMailTimeouts, smtpOptions, type MailTimeouts, type MailTrust } from './mail-endpoint';
import { classifySmtpFailure, DeliveryFailure, interruptedByStop } from './smtp-failures';

export interface SmtpTarget {
  endpoint: MailEndpoint;
  password: string;
  trust: MailTrust;
  timeouts?: MailTimeouts;
  /** Aborted when the application stops: the connection is cut at once. */
  signal?: AbortSignal;
}

export interface SmtpAccepted {
  /** Recipients the server refused while accepting the others. */
  rejected: string[];
  response: string;
}

/**
 * Hands the raw message (the very bytes filed in Sent), opened by `openBody` once the server is
 * ready for it, to the SMTP server. We drive the
 * connection ourselves rather than through a transport to learn one thing a transport hides:
 * whether the whole message had been written when a failure came. Before that point the server
 * cannot have accepted it (no final dot); after it, nobody knows (see `DeliveryFailure`).
 */
export function deliverOverSmtp(
  target: SmtpTarget,
  envelope: { from: string; to: string[] },
  openBody: () => Readable,
): Promise<SmtpAccepted> {
  const connection = new SMTPConnection(smtpOptions(target.endpoint, target.trust, target.timeouts ?? defaultMailTimeouts));
  let payloadWritten = false;

  return new Promise<SmtpAccepted>((resolve, reject) => {
    let settled = false;
    const stop = () => finish(interruptedByStop(payloadWritten));
    const finish = (error: unknown, info?: SMTPConnectionSendInfo) => {
      if (settled) return;
      settled = true;
      target.signal?.removeEventListener('abort', stop);
      if (error || !info) {
        connection.close();
        reject(error instanceof DeliveryFailure ? error : classifySmtpFailure(error, payloadWritten));
        return;
      }
      connection.quit();
      resolve({ rejected: (info.rejected ?? []).map(String), response: String(info.response ?? '') });
    };
    if (target.signal?.aborted) return stop();
    target.signal?.addEventListener('abort', stop, { once: true });
    connection.once('error', (error) => finish(error));
    connection.once('end', () => finish(new Error('Connection closed')));
    connection.connect((connectError) => {
      if (connectError) return finish(connectError);
      connection.login({ user: target.endpoint.user, pass: target.password }, (loginError) => {
        if (loginError) return finish(loginError);
        const body = openBody();
        // Read only after the server said 354; 'end' means every byte went to the connection.
        body.once('end', () => (payloadWritten = true));
        connection.send(envelope, body, (sendError, info) => finish(sendError, info));
      });
    });
  });
}
