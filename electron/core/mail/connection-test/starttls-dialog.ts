import type { Socket } from 'node:net';
import { StepFailure } from './step-runner';

/**
 * The few plaintext lines before a STARTTLS upgrade, spoken by hand: the TLS step needs the
 * socket right at the upgrade to see the certificate, which the mail libraries do not expose.
 */

/** Reads CRLF lines until `last` accepts one; rejects on close or silence. */
function readLines(socket: Socket, last: (line: string) => boolean, timeoutMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const lines: string[] = [];
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onClose);
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        lines.push(line);
        if (last(line)) {
          cleanup();
          return resolve(lines);
        }
      }
    };
    const onClose = () => {
      cleanup();
      reject(new StepFailure('Le serveur a fermé la connexion avant le passage en TLS.'));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new StepFailure('Le serveur ne répond pas avant le passage en TLS (délai dépassé).'));
    }, timeoutMs);
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onClose);
  });
}

const lastOf = (lines: string[]) => (lines[lines.length - 1] ?? '').slice(0, 200);

export async function imapStartTls(socket: Socket, timeoutMs: number): Promise<void> {
  const greeting = lastOf(await readLines(socket, (line) => line.startsWith('* '), timeoutMs));
  if (!/^\* OK/i.test(greeting)) throw new StepFailure(`Le serveur IMAP refuse la connexion : « ${greeting} ».`);
  socket.write('U1 STARTTLS\r\n');
  const reply = lastOf(await readLines(socket, (line) => /^U1 /i.test(line), timeoutMs));
  if (!/^U1 OK/i.test(reply)) throw new StepFailure(`Le serveur IMAP ne propose pas STARTTLS : « ${reply} ».`);
}

const finalSmtpLine = (line: string) => /^\d{3}( |$)/.test(line);

export async function smtpStartTls(socket: Socket, timeoutMs: number): Promise<void> {
  const greeting = lastOf(await readLines(socket, finalSmtpLine, timeoutMs));
  if (!greeting.startsWith('220')) throw new StepFailure(`Le serveur SMTP refuse la connexion : « ${greeting} ».`);
  socket.write('EHLO unified-desktop\r\n');
  const ehlo = await readLines(socket, finalSmtpLine, timeoutMs);
  if (!ehlo.some((line) => /^250[ -]STARTTLS\b/i.test(line))) {
    throw new StepFailure('Le serveur SMTP ne propose pas STARTTLS sur ce port : essayez le mode TLS implicite ou un autre port.');
  }
  socket.write('STARTTLS\r\n');
  const reply = lastOf(await readLines(socket, finalSmtpLine, timeoutMs));
  if (!reply.startsWith('220')) throw new StepFailure(`Le serveur SMTP refuse STARTTLS : « ${reply} ».`);
}
