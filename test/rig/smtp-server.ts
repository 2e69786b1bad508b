import { once } from 'node:events';
import { createTransport } from 'nodemailer';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerAuthentication,
  type SMTPServerAuthenticationResponse,
  type SMTPServerDataStream,
  type SMTPServerOptions,
  type SMTPServerSession,
} from 'smtp-server';
import type { Certificate } from './certificate';
import type { DovecotInstance } from './dovecot';
import { freePorts, LOOPBACK } from './ports';

const START_ATTEMPTS = 3;
/** Open sessions get this long to finish when the server pauses, then they are cut. */
const CLOSE_TIMEOUT_MS = 200;

export interface SmtpServerOptions {
  /** Where accepted mail goes (over its LMTP port); its users are the valid recipients. */
  dovecot: DovecotInstance;
  /** Accounts allowed to AUTH, user → password. Default: the Dovecot users, as they are at each login. */
  accounts?: ReadonlyMap<string, string>;
  /** Certificate for STARTTLS and implicit TLS. Default: Dovecot's, so one `ca` trusts both. */
  certificate?: Certificate;
  /**
   * Files each accepted message in its sender's `Sent` folder before answering 250, as Gmail,
   * Exchange and other submission servers do with submitted mail.
   */
  fileInSent?: boolean;
}

/** A message the server answered 250 for, i.e. one Dovecot has accepted. */
export interface AcceptedMessage {
  /** The authenticated user who sent it. */
  user: string;
  from: string;
  to: string[];
  raw: Buffer;
  /** Whether the session was encrypted (STARTTLS or implicit TLS). */
  secure: boolean;
}

export interface SmtpServerInstance {
  readonly host: string;
  /** Plaintext SMTP with STARTTLS (submission style); AUTH allowed without TLS on loopback. */
  readonly port: number;
  /** Implicit TLS (SMTPS). */
  readonly tlsPort: number;
  /** PEM to trust: `tls: { ca }` in nodemailer. */
  readonly ca: string;
  /** Messages accepted so far, oldest first. */
  readonly accepted: readonly AcceptedMessage[];
  /** False while paused or stopped. */
  readonly listening: boolean;
  /** Closes both listeners and cuts open sessions: clients get "connection refused" until resume(). */
  pause(): Promise<void>;
  /** Listens again on the same ports. */
  resume(): Promise<void>;
  /** pause() then resume(). */
  restart(): Promise<void>;
  /** Closes everything for good. Safe to call twice. */
  stop(): Promise<void>;
}

/** An error whose `responseCode` smtp-server sends to the client. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

function findUser(users: ReadonlyMap<string, string>, address: string): string | undefined {
  const wanted = address.toLowerCase();
  return [...users.keys()].find((user) => user.toLowerCase() === wanted);
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Hands one message to Dovecot over LMTP; resolves only once every recipient is accepted. */
async function deliverOverLmtp(dovecot: DovecotInstance, from: string, to: string[], raw: Buffer): Promise<void> {
  // Plain LMTP on loopback: without ignoreTLS nodemailer would upgrade and reject the self-signed cert.
  const transport = createTransport({ host: dovecot.host, port: dovecot.lmtpPort, lmtp: true, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ envelope: { from, to }, raw });
    if (info.rejected.length > 0) {
      throw new Error(`LMTP rejected ${info.rejected.join(', ')}: ${info.response}`);
    }
  } finally {
    transport.close();
  }
}

interface Handlers {
  onAuth: NonNullable<SMTPServerOptions['onAuth']>;
  onRcptTo: NonNullable<SMTPServerOptions['onRcptTo']>;
  onData: NonNullable<SMTPServerOptions['onData']>;
}

function createHandlers(options: SmtpServerOptions, accepted: AcceptedMessage[]): Handlers {
  const { dovecot } = options;
  const accounts = () => options.accounts ?? dovecot.users;

  const onAuth = (
    auth: SMTPServerAuthentication,
    _session: SMTPServerSession,
    callback: (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void,
  ) => {
    const user = findUser(accounts(), auth.username ?? '');
    if (user === undefined || accounts().get(user) !== auth.password) {
      return callback(smtpError(535, 'Authentication credentials invalid'));
    }
    callback(null, { user });
  };

  const onRcptTo = (address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) => {
    if (findUser(dovecot.users, address.address) === undefined) {
      return callback(smtpError(550, `No such user here: ${address.address}`));
    }
    callback();
  };

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) => {
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const to = session.envelope.rcptTo.map((rcpt) => findUser(dovecot.users, rcpt.address) ?? rcpt.address);
    readAll(stream)
      .then(async (raw) => {
        await deliverOverLmtp(dovecot, from, to, raw);
        if (options.fileInSent && session.user) await dovecot.deliver(String(session.user), raw, 'Sent');
        accepted.push({ user: String(session.user ?? ''), from, to, raw, secure: session.secure });
        callback();
      })
      .catch((error: unknown) => callback(smtpError(451, `Delivery to Dovecot failed: ${String(error)}`)));
  };

  return { onAuth, onRcptTo, onData };
}

function createServer(handlers: Handlers, certificate: Certificate, secure: boolean): SMTPServer {
  const server = new SMTPServer({
    ...handlers,
    secure,
    key: certificate.key,
    cert: certificate.cert,
    name: 'localhost',
    authMethods: ['PLAIN', 'LOGIN'],
    // Loopback only: AUTH before STARTTLS is fine, and lets tests check plaintext clients too.
    allowInsecureAuth: true,
    closeTimeout: CLOSE_TIMEOUT_MS,
    logger: false,
  });
  // Client-side socket errors are reported here; without a listener they would crash the test.
  server.on('error', () => undefined);
  return server;
}

async function listen(server: SMTPServer, port: number): Promise<void> {
  const listening = once(server.server, 'listening');
  server.listen(port, LOOPBACK);
  await listening; // rejects with the 'error' event, e.g. EADDRINUSE
}

function close(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.server.listening) return resolve();
    server.close(() => resolve());
  });
}

interface Listeners {
  plain: SMTPServer;
  tls: SMTPServer;
}

/** Fresh SMTPServer objects each time: a closed one is not meant to listen again. */
async function openListeners(handlers: Handlers, certificate: Certificate, port: number, tlsPort: number): Promise<Listeners> {
  const listeners = { plain: createServer(handlers, certificate, false), tls: createServer(handlers, certificate, true) };
  try {
    await listen(listeners.plain, port);
    await listen(listeners.tls, tlsPort);
    return listeners;
  } catch (error) {
    await closeListeners(listeners);
    throw error;
  }
}

async function closeListeners(listeners: Listeners): Promise<void> {
  await Promise.all([close(listeners.plain), close(listeners.tls)]);
}

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * Starts an in-process SMTP submission server (AUTH required) that delivers every accepted message
 * into `dovecot` over LMTP before answering 250, so the mail is readable over IMAP right after.
 */
export async function startSmtpServer(options: SmtpServerOptions): Promise<SmtpServerInstance> {
  const certificate = options.certificate ?? options.dovecot.certificate;
  const accepted: AcceptedMessage[] = [];
  const handlers = createHandlers(options, accepted);
  for (let attempt = 1; ; attempt++) {
    const [port, tlsPort] = await freePorts(2);
    if (port === undefined || tlsPort === undefined) throw new Error('no free ports');
    try {
      const listeners = await openListeners(handlers, certificate, port, tlsPort);
      return createInstance({ handlers, certificate, port, tlsPort, accepted, listeners });
    } catch (error) {
      // Another process may take a port between our check and our bind: try other ports.
      if (!isAddressInUse(error) || attempt >= START_ATTEMPTS) throw error;
    }
  }
}

interface InstanceState {
  handlers: Handlers;
  certificate: Certificate;
  port: number;
  tlsPort: number;
  accepted: AcceptedMessage[];
  listeners: Listeners;
}

function createInstance(state: InstanceState): SmtpServerInstance {
  const { handlers, certificate, port, tlsPort, accepted } = state;
  let listeners: Listeners | undefined = state.listeners;
  let stopped = false;

  const pause = async () => {
    if (!listeners) return;
    const closing = listeners;
    listeners = undefined;
    await closeListeners(closing);
  };
  const resume = async () => {
    if (stopped) throw new Error('the SMTP server was stopped: start a new one instead');
    if (listeners) return;
    listeners = await openListeners(handlers, certificate, port, tlsPort);
  };

  return {
    host: LOOPBACK,
    port,
    tlsPort,
    ca: certificate.cert,
    accepted,
    get listening() {
      return listeners !== undefined;
    },
    pause,
    resume,
    async restart() {
      await pause();
      await resume();
    },
    async stop() {
      stopped = true;
      await pause();
    },
  };
}
