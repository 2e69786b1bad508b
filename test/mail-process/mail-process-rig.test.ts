import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, startDovecot, type DovecotInstance } from '../rig';
import { buildMailBundle } from './forked-mail-process';
import { saveMailbox, startMailCentre, type MailCentre } from './mail-centre';

/**
 * Mail filed by the mail process shows up in main: a message delivered to a real Dovecot is synced
 * and filed by the forked child on its own connection, main's bus hears the new case, and main's
 * connection to the same SQLite file reads it.
 */
const user = { user: 'centre@test.local', password: 'centre-secret' };
let bundle: Awaited<ReturnType<typeof buildMailBundle>>;
let dovecot: DovecotInstance;
let certificates: string;
let centre: MailCentre | undefined;

beforeAll(async () => {
  [bundle, dovecot, certificates] = await Promise.all([buildMailBundle(), startDovecot({ users: [user] }), makeTempDir('ud-ca-')]);
}, 60_000);
afterAll(async () => {
  await centre?.dispose();
  await dovecot?.stop();
  bundle?.dispose();
  if (certificates) await removeTempDir(certificates);
});

describe('the mail process against a real IMAP server', () => {
  it('files a delivered message into a new case that main hears about and reads', async () => {
    // The child trusts the rig's self-signed certificate the way an administrator would make Node
    // trust a private CA, with no option of ours.
    const ca = path.join(certificates, 'rig-ca.pem');
    writeFileSync(ca, dovecot.ca);
    centre = startMailCentre(bundle.file, { NODE_EXTRA_CA_CERTS: ca });
    // As the administrator saves it in main: the password goes to main's SecretStore.
    const { id: mailboxId } = await saveMailbox(centre.core, { port: dovecot.imapPort, tls: 'starttls', user: user.user }, user.password);
    const before = centre.core.db.sqlite.prepare('SELECT max(id) AS id FROM cases').get() as { id: number };
    await dovecot.deliver(
      user.user,
      ['From: Hélène Dupré <helene@example.fr>', 'To: centre@test.local', 'Subject: Facture de mars', 'Message-ID: <mars@example.fr>', 'Content-Type: text/plain; charset=utf-8', '', 'Ma facture est fausse.', ''].join('\r\n'),
    );

    const created = centre.heard('case.changed', (change) => (change.caseId as number) > before.id);
    const synced = centre.heard('sync.status', (status) => status.mailboxId === mailboxId && status.phase === 'idle');
    centre.supervisor.start();
    const change = await created;
    await synced;

    const filed = centre.core.db.sqlite.prepare('SELECT subject, queue_id AS queueId FROM cases WHERE id = ?').get(change.caseId) as {
      subject: string;
      queueId: number;
    };
    expect(filed).toEqual({ subject: 'Facture de mars', queueId: change.queueId });
  }, 60_000);
});
