import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../../electron/core/event-bus';
import { createCheckpointStore } from '../../../../electron/core/mail/imap/checkpoint-store';
import { createImapSupervisor, type ImapSupervisor } from '../../../../electron/core/mail/imap/imap-supervisor';
import type { SyncStatus } from '../../../../electron/core/mail/imap/sync-status-reporter';
import { createIngestSink } from '../../../../electron/core/mail/ingest/create-ingest-sink';
import { memorySecretStore, systemClock } from '../../../../electron/core/ports';
import { createBlobStore } from '../../../../electron/core/storage/blob-store';
import { startDovecot, type DovecotInstance } from '../../../rig';
import { openRealCentre, type RealCentre } from './support/real-centre';
import { testTiming } from './support/supervised';
import type { MailUser } from './support/test-messages';

const USER: MailUser = { user: 'centre@test.local', password: 'centre-secret' };

let dovecot: DovecotInstance;
let centre: RealCentre;
let supervisor: ImapSupervisor | undefined;

beforeAll(async () => {
  dovecot = await startDovecot({ users: [USER] });
  centre = openRealCentre({ port: dovecot.imapPort, user: USER.user });
});

afterAll(async () => {
  await supervisor?.stop();
  centre?.dispose();
  await dovecot?.stop();
});

const crlf = (...lines: string[]) => lines.join('\r\n');

describe('IMAP to cases, through the real ingest sink', () => {
  it('opens a case for a new message and threads the answer into it, with its inline image', async () => {
    const { db, dir } = centre.temp;
    const secrets = memorySecretStore();
    await secrets.set('mailbox.centre', USER.password);
    const statuses: SyncStatus[] = [];
    supervisor = createImapSupervisor(
      {
        id: centre.mailboxId,
        imapHost: dovecot.host,
        imapPort: dovecot.imapPort,
        imapTls: 'starttls',
        imapUser: USER.user,
        secretKey: 'mailbox.centre',
        inboxFolder: 'INBOX',
        sentFolder: 'Sent',
      },
      {
        secrets,
        sink: createIngestSink({ db, clock: systemClock, events: new EventBus(), dataDir: dir }),
        checkpoints: createCheckpointStore(db),
        blobs: createBlobStore(dir),
        clock: systemClock,
        onStatus: (status) => statuses.push(status),
        tls: { ca: dovecot.ca },
        timing: testTiming,
      },
    );
    await dovecot.deliver(
      USER.user,
      crlf(
        'From: =?ISO-8859-1?Q?H=E9l=E8ne_Dupr=E9?= <helene@example.fr>',
        'To: centre@test.local',
        'Subject: =?UTF-8?Q?R=C3=A9clamation_facture?=',
        'Message-ID: <premier@example.fr>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Ma facture est fausse.',
        '',
      ),
    );
    supervisor.start();
    await vi.waitFor(() => expect(centre.incoming()).toHaveLength(1), { timeout: 25_000, interval: 50 });

    await dovecot.deliver(
      USER.user,
      crlf(
        'From: helene@example.fr',
        'To: centre@test.local',
        'Subject: Re: Réclamation facture',
        'Message-ID: <second@example.fr>',
        'In-Reply-To: <premier@example.fr>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related; boundary="rel"',
        '',
        '--rel',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Voici la photo : <img src="cid:photo@example.fr"></p>',
        '--rel',
        'Content-Type: image/png',
        'Content-ID: <photo@example.fr>',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgo=',
        '--rel--',
        '',
      ),
    );
    await vi.waitFor(() => expect(centre.incoming()).toHaveLength(2), { timeout: 25_000, interval: 50 });

    const [first, second] = centre.incoming();
    expect(second?.caseId).toBe(first?.caseId);
    const row = db.sqlite.prepare(`SELECT subject, "from" AS sender FROM messages WHERE message_id_header = '<premier@example.fr>'`).get() as {
      subject: string;
      sender: string;
    };
    expect(row.subject).toBe('Réclamation facture');
    expect(JSON.parse(row.sender)).toEqual({ name: 'Hélène Dupré', address: 'helene@example.fr' });
    const image = db.sqlite.prepare(`SELECT content_id AS contentId, media_type AS mediaType FROM attachments WHERE content_id IS NOT NULL`).get();
    expect(image).toEqual({ contentId: 'photo@example.fr', mediaType: 'image/png' });
    expect(statuses.at(-1)).toMatchObject({ phase: 'idle', mailboxId: centre.mailboxId });
  }, 60_000);
});
