import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyError, describeSyncError, SyncError } from '../../../../electron/core/mail/imap/sync-errors';
import { freePort, startDovecot, type DovecotInstance } from '../../../rig';
import { openMailCentre, type MailCentre } from './support/mail-centre';
import { supervise, type Supervised, type SuperviseOptions } from './support/supervised';
import type { MailUser } from './support/test-messages';

const USER: MailUser = { user: 'erreurs@test.local', password: 'erreurs-secret' };

let dovecot: DovecotInstance;
let centre: MailCentre;
const running: Supervised[] = [];

beforeAll(async () => {
  dovecot = await startDovecot({ users: [USER] });
  centre = openMailCentre();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map(({ supervisor }) => supervisor.stop()));
});

afterAll(async () => {
  centre?.dispose();
  await dovecot?.stop();
});

/** The message of the first `error` status a supervisor with these settings reports. */
async function firstError(options: SuperviseOptions): Promise<string> {
  const supervised = await supervise(centre, dovecot, USER, options);
  running.push(supervised);
  let message = '';
  await vi.waitFor(
    () => {
      const error = supervised.statuses.find((status) => status.phase === 'error');
      expect(error).toBeDefined();
      message = error!.message!;
    },
    { timeout: 25_000, interval: 50 },
  );
  return message;
}

describe('sync errors against real failures, in French', () => {
  it('a name that does not resolve', async () => {
    expect(await firstError({ row: { imapHost: 'imap.introuvable.invalid' } })).toBe(
      'Serveur IMAP « imap.introuvable.invalid » introuvable (DNS) : vérifiez son nom et la connexion réseau.',
    );
  });

  it('a port nobody listens on', async () => {
    const port = await freePort();
    expect(await firstError({ row: { imapPort: port } })).toBe(
      `Connexion refusée par 127.0.0.1:${port} : vérifiez le port et que le serveur IMAP fonctionne.`,
    );
  });

  it('a certificate nobody vouches for, with implicit TLS and with STARTTLS', async () => {
    const tls = /^Certificat TLS de 127\.0\.0\.1 refusé/;
    expect(await firstError({ row: { imapPort: dovecot.imapsPort, imapTls: 'implicit' }, tls: {} })).toMatch(tls);
    expect(await firstError({ row: { imapTls: 'starttls' }, tls: {} })).toMatch(tls);
  });

  it('a folder that does not exist', async () => {
    expect(await firstError({ row: { inboxFolder: 'Réclamations' } })).toBe(
      'Dossier « Réclamations » introuvable sur le serveur IMAP : vérifiez le dossier de réception.',
    );
  });

  it('the Sent folder chosen as the inbox', async () => {
    expect(await firstError({ row: { inboxFolder: 'Sent', sentFolder: 'Sent' } })).toMatch(/messages envoyés : il n'est jamais relevé/);
  });

  it('cleartext towards anything but loopback', async () => {
    expect(await firstError({ row: { imapHost: 'imap.example.fr', imapTls: 'none' } })).toMatch(/^Connexion non chiffrée refusée vers imap\.example\.fr/);
  });

  it('cleartext on loopback is allowed', async () => {
    const supervised = await supervise(centre, dovecot, USER, { row: { imapTls: 'none' } });
    running.push(supervised);
    await vi.waitFor(() => expect(supervised.phases()).toContain('idle'), { timeout: 25_000, interval: 50 });
    expect(supervised.phases()).not.toContain('error');
  });
});

describe('classifyError', () => {
  it.each([
    [{ code: 'EAI_AGAIN' }, 'dns'],
    [{ code: 'EHOSTUNREACH' }, 'unreachable'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'tls'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'tls'],
    [{ tlsFailed: true }, 'tls'],
    [{ code: 'GREETING_TIMEOUT' }, 'timeout'],
    [{ code: 'ECONNRESET' }, 'connection_lost'],
    [{ code: 'NoConnection' }, 'connection_lost'],
    [{ serverResponseCode: 'AUTHENTICATIONFAILED' }, 'auth'],
    [new SyncError('no_password', 'x'), 'no_password'],
    ['une chaîne', 'unknown'],
  ])('%j → %s', (error, problem) => {
    expect(classifyError(error)).toBe(problem);
  });

  it('keeps the detail of an unknown error', () => {
    expect(describeSyncError(new Error('boom'), { host: 'h', port: 1, folder: 'INBOX' })).toBe('Erreur de synchronisation : boom');
  });
});
