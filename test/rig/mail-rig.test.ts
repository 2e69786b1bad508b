import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { startDovecot, startSmtpServer, type DovecotInstance, type SmtpServerInstance } from './index';

const ALICE = { user: 'alice@test.local', password: 'alice-secret' };
const BOB = { user: 'bob@test.local', password: 'bob-secret' };

let dovecot: DovecotInstance;
let smtp: SmtpServerInstance;

type SmtpMode = 'starttls' | 'implicit-tls';
type ImapMode = 'imaps' | 'starttls';

/** Unique per call, so every test finds exactly its own message. */
function uniqueSubject(label: string): string {
  return `rig ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

type SmtpAuth = { user: string; pass: string } | null;

function smtpTransport(mode: SmtpMode, auth: SmtpAuth = { user: ALICE.user, pass: ALICE.password }) {
  return createTransport({
    host: smtp.host,
    port: mode === 'implicit-tls' ? smtp.tlsPort : smtp.port,
    secure: mode === 'implicit-tls',
    requireTLS: mode === 'starttls',
    ...(auth ? { auth } : {}),
    tls: { ca: smtp.ca },
  });
}

async function sendFromAlice(mode: SmtpMode, subject: string, to = BOB.user): Promise<void> {
  const transport = smtpTransport(mode);
  try {
    await transport.sendMail({ from: ALICE.user, to, subject, text: `Hello Bob, this is ${subject}.` });
  } finally {
    transport.close();
  }
}

/** Sends and returns the SMTP error, so tests can assert its response code. */
async function sendExpectingError(transport: ReturnType<typeof smtpTransport>, to = BOB.user) {
  try {
    await transport.sendMail({ from: ALICE.user, to, subject: 'must not arrive', text: 'x' });
  } catch (error) {
    return error as { responseCode?: number; code?: string };
  } finally {
    transport.close();
  }
  throw new Error('the message was accepted');
}

async function withImap<T>(mode: ImapMode, fn: (client: ImapFlow) => Promise<T>, user = BOB): Promise<T> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: mode === 'imaps' ? dovecot.imapsPort : dovecot.imapPort,
    secure: mode === 'imaps',
    tls: { ca: dovecot.ca },
    auth: { user: user.user, pass: user.password },
    logger: false,
  });
  // Socket errors after connect are emitted, not thrown: unhandled, they would crash the run.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout();
  }
}

interface ReadMessage {
  subject: string | undefined;
  from: string | undefined;
  text: string;
}

/** Finds the message with `subject` in the mailbox and parses it. */
async function readBySubject(mode: ImapMode, subject: string, mailbox = 'INBOX', user = BOB): Promise<ReadMessage | undefined> {
  return withImap(mode, async (client) => {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const uids = (await client.search({ subject }, { uid: true })) || [];
      const uid = uids[0];
      if (uid === undefined) return undefined;
      const message = await client.fetchOne(String(uid), { envelope: true, source: true }, { uid: true });
      if (!message || !message.source) return undefined;
      const parsed = await simpleParser(message.source);
      return { subject: message.envelope?.subject, from: message.envelope?.from?.[0]?.address, text: parsed.text ?? '' };
    } finally {
      lock.release();
    }
  }, user);
}

beforeAll(async () => {
  dovecot = await startDovecot({ users: [ALICE, BOB] });
  smtp = await startSmtpServer({ dovecot });
});

afterAll(async () => {
  await smtp?.stop();
  await dovecot?.stop();
});

describe('mail rig: SMTP into Dovecot', () => {
  it('delivers over STARTTLS with AUTH, readable at once over IMAPS', async () => {
    const subject = uniqueSubject('starttls');
    await sendFromAlice('starttls', subject);

    const message = await readBySubject('imaps', subject);
    expect(message, dovecot.readLog()).toBeDefined();
    expect(message?.subject).toBe(subject);
    expect(message?.from).toBe(ALICE.user);
    expect(message?.text).toContain(`Hello Bob, this is ${subject}.`);

    const accepted = smtp.accepted.find((m) => m.raw.toString('utf8').includes(subject));
    expect(accepted).toMatchObject({ user: ALICE.user, from: ALICE.user, to: [BOB.user], secure: true });
  });

  it('delivers over implicit TLS, readable over IMAP with STARTTLS', async () => {
    const subject = uniqueSubject('implicit-tls');
    await sendFromAlice('implicit-tls', subject);

    const message = await readBySubject('starttls', subject);
    expect(message?.subject).toBe(subject);
    expect(message?.from).toBe(ALICE.user);
    expect(message?.text).toContain(`Hello Bob, this is ${subject}.`);
  });

  it('refuses a wrong password with 535', async () => {
    const error = await sendExpectingError(smtpTransport('starttls', { user: ALICE.user, pass: 'wrong' }));
    expect(error.responseCode).toBe(535);
  });

  it('refuses to relay without AUTH with 530', async () => {
    const error = await sendExpectingError(smtpTransport('starttls', null));
    expect(error.responseCode).toBe(530);
  });

  it('refuses an unknown recipient with 550', async () => {
    const error = await sendExpectingError(smtpTransport('implicit-tls'), 'nobody@test.local');
    expect(error.responseCode).toBe(550);
  });

  it('is unreachable while paused and delivers again after resume', async () => {
    await smtp.pause();
    const error = await sendExpectingError(smtpTransport('starttls'));
    expect(error.code).toBe('ESOCKET');

    await smtp.resume();
    const subject = uniqueSubject('resumed');
    await sendFromAlice('starttls', subject);
    expect((await readBySubject('imaps', subject))?.subject).toBe(subject);
  });
});

describe('mail rig: Dovecot', () => {
  it('deliver() drops a message straight into a mailbox', async () => {
    const subject = uniqueSubject('deliver');
    const raw = `From: Carol <carol@example.org>\r\nTo: ${BOB.user}\r\nSubject: ${subject}\r\n\r\nDropped by doveadm.\r\n`;
    await dovecot.deliver(BOB.user, raw);

    const message = await readBySubject('imaps', subject);
    expect(message?.from).toBe('carol@example.org');
    expect(message?.text).toContain('Dropped by doveadm.');
  });

  it('has a Sent mailbox with the \\Sent special use', async () => {
    const subject = uniqueSubject('sent');
    await dovecot.deliver(ALICE.user, `From: ${ALICE.user}\r\nSubject: ${subject}\r\n\r\nSent copy.\r\n`, 'Sent');

    const mailboxes = await withImap('imaps', (client) => client.list(), ALICE);
    expect(mailboxes.find((box) => box.path === 'Sent')?.specialUse).toBe('\\Sent');
    expect((await readBySubject('imaps', subject, 'Sent', ALICE))?.subject).toBe(subject);
  });

  it('addUser() creates an account that can receive and log in', async () => {
    const carol = { user: 'carol@test.local', password: 'carol-secret' };
    await dovecot.addUser(carol.user, carol.password);
    const subject = uniqueSubject('new-user');
    await sendFromAlice('starttls', subject, carol.user);

    const found = await withImap('imaps', async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        return (await client.search({ subject }, { uid: true })) || [];
      } finally {
        lock.release();
      }
    }, carol);
    expect(found).toHaveLength(1);
  });

  it('restart() keeps the mail and accepts new connections', async () => {
    const before = uniqueSubject('before-restart');
    await sendFromAlice('starttls', before);
    await dovecot.restart();

    expect((await readBySubject('imaps', before))?.subject).toBe(before);
    const after = uniqueSubject('after-restart');
    await sendFromAlice('implicit-tls', after);
    expect((await readBySubject('starttls', after))?.subject).toBe(after);
  });

  it('restart() ends the sessions of connected clients, as a real restart does', async () => {
    const client = new ImapFlow({ host: dovecot.host, port: dovecot.imapsPort, secure: true, tls: { ca: dovecot.ca }, auth: { user: BOB.user, pass: BOB.password }, logger: false });
    client.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await client.connect();
    await client.mailboxOpen('INBOX');
    await dovecot.restart();
    // Without the server's end of the connection going away, this would wait for the test's timeout.
    await closed;
    expect(client.usable).toBe(false);
  });
});
