import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMailboxConnection, type MailboxUnderTest } from '../../../../electron/core/mail/connection-test/connection-test';
import type { ConnectionReport, MailEndpoint, StepReport } from '../../../../shared/domain/mailbox';
import { freePort } from '../../../rig';
import { CENTRE, centreSettings, startCentreRig, type CentreRig } from '../outbox/centre-rig';

let rig: CentreRig;

beforeAll(async () => {
  rig = await startCentreRig();
});
afterAll(async () => {
  await rig?.stop();
});

function mailbox(changes: Partial<MailboxUnderTest> = {}): MailboxUnderTest {
  const settings = centreSettings(rig, 1);
  return { imap: settings.imap, smtp: settings.smtp, inboxFolder: 'INBOX', sentFolder: null, password: CENTRE.password, ...changes };
}

const trust = () => ({ ca: rig.dovecot.ca });
const statuses = (steps: StepReport[]) => Object.fromEntries(steps.map((s) => [s.step, s.status]));
const step = (report: ConnectionReport, protocol: 'imap' | 'smtp', name: StepReport['step']) =>
  report[protocol].steps.find((s) => s.step === name) as StepReport;

describe('mailbox connection test against the rig', () => {
  it('reports every step ok, in French, for IMAP over TLS and SMTP with STARTTLS', async () => {
    const report = await testMailboxConnection(mailbox(), trust());
    expect(report.ok).toBe(true);
    expect(statuses(report.imap.steps)).toEqual({ dns: 'ok', tcp: 'ok', tls: 'ok', auth: 'ok', folders: 'ok' });
    expect(statuses(report.smtp.steps)).toEqual({ dns: 'ok', tcp: 'ok', tls: 'ok', auth: 'ok' });
    expect(report.imap.steps.map((s) => s.label)).toEqual([
      'Résolution DNS',
      'Connexion TCP',
      'Certificat TLS',
      'Authentification',
      'Dossiers',
    ]);
    expect(step(report, 'imap', 'tls').detail).toMatch(/^Certificat valide pour « localhost »/);
    expect(step(report, 'smtp', 'tls').detail).toMatch(/TLSv1\.[23]/);
    expect(step(report, 'imap', 'folders').detail).toBe('Réception : « INBOX » ; messages envoyés : « Sent » (signalé \\Sent par le serveur).');
  });

  it('checks IMAP with STARTTLS, SMTP over implicit TLS, and a host name resolved by DNS', async () => {
    const imap: MailEndpoint = { host: 'localhost', port: rig.dovecot.imapPort, tls: 'starttls', user: CENTRE.user };
    const smtp: MailEndpoint = { host: 'localhost', port: rig.smtp.tlsPort, tls: 'implicit', user: CENTRE.user };
    const report = await testMailboxConnection(mailbox({ imap, smtp }), trust());
    expect(report.ok).toBe(true);
    expect(step(report, 'imap', 'dns').detail).toMatch(/^« localhost » correspond à .*127\.0\.0\.1/);
  });

  it('accepts no encryption on loopback, saying so on the TLS step', async () => {
    const smtp: MailEndpoint = { host: '127.0.0.1', port: rig.smtp.port, tls: 'none', user: CENTRE.user };
    const report = await testMailboxConnection(mailbox({ smtp }), trust());
    expect(report.smtp.ok).toBe(true);
    expect(step(report, 'smtp', 'tls')).toMatchObject({ status: 'skipped', detail: expect.stringMatching(/Sans chiffrement/) });
  });

  it('says precisely that the password is refused, on both servers', async () => {
    const report = await testMailboxConnection(mailbox({ password: 'mauvais' }), trust());
    expect(report.ok).toBe(false);
    expect(statuses(report.imap.steps)).toEqual({ dns: 'ok', tcp: 'ok', tls: 'ok', auth: 'failed', folders: 'skipped' });
    expect(step(report, 'imap', 'auth').detail).toMatch(/^Identifiant « centre@test\.local » ou mot de passe refusé par le serveur IMAP/);
    expect(step(report, 'imap', 'folders').detail).toBe('Non testé : l’étape « Authentification » a échoué.');
    expect(step(report, 'smtp', 'auth').detail).toMatch(/^Identifiant « centre@test\.local » ou mot de passe refusé par le serveur SMTP.*535/);
  });

  it('fails on the certificate when this computer does not trust it', async () => {
    const report = await testMailboxConnection(mailbox());
    expect(statuses(report.imap.steps)).toEqual({ dns: 'ok', tcp: 'ok', tls: 'failed', auth: 'skipped', folders: 'skipped' });
    expect(step(report, 'imap', 'tls').detail).toBe(
      'Connexion sécurisée refusée : le certificat du serveur est auto-signé : aucune autorité de confiance ne le garantit.',
    );
    // The same verdict after STARTTLS, where the certificate comes mid-conversation.
    expect(step(report, 'smtp', 'tls')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/auto-signé/) });
  });

  it('reports a closed port on the TCP step and a missing folder on the folder step', async () => {
    const closed = await freePort();
    const report = await testMailboxConnection(
      mailbox({ smtp: { host: '127.0.0.1', port: closed, tls: 'implicit', user: CENTRE.user }, sentFolder: 'Envoyés' }),
      trust(),
    );
    expect(step(report, 'smtp', 'tcp').detail).toBe(`Connexion à 127.0.0.1:${closed} impossible : connexion refusée : aucun service n’écoute sur ce port.`);
    expect(step(report, 'imap', 'folders').detail).toBe(
      'Le dossier « Envoyés » n’existe pas sur le serveur. Le serveur signale « Sent » comme dossier des messages envoyés.',
    );
  });

  it('refuses to send a password unencrypted off loopback even for a row written around the schema', async () => {
    const imap: MailEndpoint = { host: 'mail.example.com', port: 143, tls: 'none', user: CENTRE.user };
    const report = await testMailboxConnection(mailbox({ imap }), trust());
    expect(step(report, 'imap', 'dns')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/en clair/) });
  });

  it('says when no password is stored', async () => {
    const report = await testMailboxConnection(mailbox({ password: null }), trust());
    expect(step(report, 'imap', 'auth').detail).toMatch(/Aucun mot de passe/);
  });
});
