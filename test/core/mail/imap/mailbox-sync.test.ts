import type { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syncFolder, type FolderTarget, type PassDeps } from '../../../../electron/core/mail/imap/mailbox-sync';
import { defaultBatchLimits } from '../../../../electron/core/mail/imap/uid-batches';
import type { IngestSink } from '../../../../electron/core/mail/incoming-mail';
import { startDovecot, type DovecotInstance } from '../../../rig';
import { openMailCentre, type MailCentre } from './support/mail-centre';
import { createRecordingSink, type RecordingSink } from './support/recording-sink';
import { connectAsProduct } from './support/sync-client';
import { appendAll, testMessage, withImap, type MailUser } from './support/test-messages';

const account = (name: string): MailUser => ({ user: `${name}@test.local`, password: `${name}-secret` });
const BULK = account('bulk');
const RENEW = account('renew');
const SENT = account('sent');
const BROKEN = account('broken');
const FAILING = account('failing');
const BUSY = account('busy');

let dovecot: DovecotInstance;
let centre: MailCentre;
const clients: ImapFlow[] = [];

beforeAll(async () => {
  dovecot = await startDovecot({ users: [BULK, RENEW, SENT, BROKEN, FAILING, BUSY] });
  centre = openMailCentre();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.logout().catch(() => client.close())));
});

afterAll(async () => {
  centre?.dispose();
  await dovecot?.stop();
});

async function connect(user: MailUser): Promise<ImapFlow> {
  const client = await connectAsProduct(dovecot, user);
  clients.push(client);
  return client;
}

function setUp(user: MailUser, folder = 'INBOX', sentFolder = 'Sent') {
  const mailbox = centre.addMailbox({ imapPort: dovecot.imapPort, imapUser: user.user, inboxFolder: folder, sentFolder });
  const sink = createRecordingSink(centre.db, centre.blobs, centre.bucketCaseId);
  const target: FolderTarget = { mailboxId: mailbox.id, folder, sentFolder };
  const progress: Array<[number, number]> = [];
  const deps = (overrides: Partial<PassDeps> = {}): PassDeps => ({
    sink,
    checkpoints: centre.checkpoints,
    blobs: centre.blobs,
    clock: centre.clock,
    limits: defaultBatchLimits,
    onProgress: (done, total) => progress.push([done, total]),
    ...overrides,
  });
  return { mailbox, sink, target, progress, deps };
}

const uidsOf = (sink: RecordingSink) => sink.calls.map((call) => call.uid);
const serverUids = (client: ImapFlow, folder: string) =>
  client.getMailboxLock(folder, { readOnly: true }).then(async (lock) => {
    try {
      return (await client.fetchAll('1:*', { uid: true, flags: true }, { uid: true })).map((m) => ({ uid: m.uid, flags: [...(m.flags ?? [])] }));
    } finally {
      lock.release();
    }
  });

describe('syncFolder', () => {
  it('files 120 messages in batches, each once and in UID order, and the checkpoint ends at the last UID', async () => {
    await appendAll(dovecot, BULK, 'INBOX', Array.from({ length: 120 }, (_, i) => testMessage('bulk', i + 1)));
    const { mailbox, sink, target, progress, deps } = setUp(BULK);
    const client = await connect(BULK);

    const report = await syncFolder(client, target, deps());

    const onServer = await serverUids(client, 'INBOX');
    const lastUid = onServer.at(-1)!.uid;
    expect(report).toMatchObject({ rescan: true, total: 120, fates: { appended: 120 } });
    expect(uidsOf(sink)).toEqual(onServer.map((m) => m.uid));
    expect(new Set(uidsOf(sink)).size).toBe(120);
    expect(progress).toEqual([[0, 120], [50, 120], [100, 120], [120, 120]]);
    expect(centre.checkpoint(mailbox.id)).toMatchObject({ uidValidity: report.uidValidity, lastUid });
    expect(centre.checkpoint(mailbox.id)?.syncedAt).toBe(centre.clock.now().toISOString());
    expect(centre.filed(mailbox.id).map((row) => row.subject)).toEqual(Array.from({ length: 120 }, (_, i) => `bulk message ${i + 1}`));
    // Read-only and BODY.PEEK: nothing was marked \Seen, nothing was removed.
    expect(onServer.every((m) => !m.flags.includes('\\Seen'))).toBe(true);

    // The next pass starts after the checkpoint: only what is new.
    await appendAll(dovecot, BULK, 'INBOX', [testMessage('bulk', 121), testMessage('bulk', 122)]);
    const next = await syncFolder(client, target, deps());
    expect(next).toMatchObject({ rescan: false, total: 2, fates: { appended: 2 } });
    expect(sink.calls).toHaveLength(122);
    expect(centre.checkpoint(mailbox.id)?.lastUid).toBe(lastUid + 2);
    expect(await syncFolder(client, target, deps())).toMatchObject({ total: 0 });
  }, 60_000);

  it('rescans a folder whose UIDVALIDITY changed, without filing anything twice', async () => {
    const mails = Array.from({ length: 5 }, (_, i) => testMessage('renew', i + 1));
    await appendAll(dovecot, RENEW, 'Entrant', mails);
    const { mailbox, sink, target, deps } = setUp(RENEW, 'Entrant');
    const first = await syncFolder(await connect(RENEW), target, deps());
    expect(first.fates).toEqual({ appended: 5 });

    // Deleting and recreating a mailbox gives it a new UIDVALIDITY (RFC 3501 §2.3.1.1).
    await withImap(dovecot, RENEW, (client) => client.mailboxDelete('Entrant'));
    await appendAll(dovecot, RENEW, 'Entrant', [...mails, testMessage('renew', 6)]);
    const second = await syncFolder(await connect(RENEW), target, deps());

    expect(second.uidValidity).not.toBe(first.uidValidity);
    expect(second).toMatchObject({ rescan: true, total: 6, fates: { duplicate: 5, appended: 1 } });
    expect(centre.filed(mailbox.id)).toHaveLength(6);
    expect(new Set(centre.filed(mailbox.id).map((row) => row.messageId)).size).toBe(6);
    expect(sink.calls.slice(5).every((call) => call.uidValidity === second.uidValidity)).toBe(true);
    expect(centre.checkpoint(mailbox.id, 'Entrant')).toMatchObject({ uidValidity: second.uidValidity, lastUid: 6 });
  }, 60_000);

  it('never reads the Sent folder', async () => {
    await appendAll(dovecot, SENT, 'Sent', [testMessage('sent', 1), testMessage('sent', 2)]);
    await appendAll(dovecot, SENT, 'INBOX', [testMessage('inbox', 1)]);
    const { mailbox, sink, target, deps } = setUp(SENT);
    const client = await connect(SENT);

    await syncFolder(client, target, deps());
    expect(centre.filed(mailbox.id).map((row) => row.subject)).toEqual(['inbox message 1']);

    // Named as the mailbox's Sent folder, or marked \Sent by the server (RFC 6154): refused.
    await expect(syncFolder(client, { ...target, folder: 'Sent' }, deps())).rejects.toMatchObject({ problem: 'sent_folder' });
    await expect(syncFolder(client, { ...target, folder: 'Sent', sentFolder: 'Envoyés' }, deps())).rejects.toMatchObject({
      problem: 'sent_folder',
    });
    expect(sink.calls).toHaveLength(1);
    expect((await serverUids(client, 'Sent')).every((m) => !m.flags.includes('\\Seen'))).toBe(true);
  }, 60_000);

  it('quarantines an unparseable message and files an over-size one from its headers, in UID order', async () => {
    const big = testMessage('broken', 3, { subject: 'gros fichier', body: 'x'.repeat(300_000) });
    await appendAll(dovecot, BROKEN, 'INBOX', [testMessage('broken', 1)]);
    await dovecot.deliver(BROKEN.user, Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x0d, 0x0a, 0x42, 0x0d, 0x0a]));
    await appendAll(dovecot, BROKEN, 'INBOX', [big, testMessage('broken', 4)]);
    const { mailbox, sink, target, deps } = setUp(BROKEN);

    const limits = { ...defaultBatchLimits, maxMessageBytes: 100_000 };
    const report = await syncFolder(await connect(BROKEN), target, deps({ limits }));

    expect(report.fates).toEqual({ appended: 3, quarantined: 1 });
    expect(sink.calls.map((call) => [call.kind, call.uid])).toEqual([['ingest', 1], ['quarantine', 2], ['ingest', 3], ['ingest', 4]]);
    const [junk, ...others] = centre.quarantined(mailbox.id);
    expect(others).toEqual([]);
    expect(junk?.reason).toMatch(/^unparseable: Source illisible/);
    const tooBig = sink.mails.find((mail) => mail.uid === 3);
    expect(tooBig).toMatchObject({
      subject: 'gros fichier',
      from: { name: 'Client 3', address: 'client3@example.fr' },
      text: expect.stringMatching(/^Message trop volumineux \(29\d Ko\) : le contenu n’a pas été téléchargé\. Il est resté tel quel sur le serveur de messagerie \(dossier INBOX\)/),
      html: null,
      attachments: [],
      tooLarge: { size: tooBig!.rawSize, limit: 100_000 },
    });
    expect(tooBig!.rawSize).toBeGreaterThan(300_000);
    // Its source is the headers, not the body that was never downloaded.
    const { readFileSync } = await import('node:fs');
    const kept = readFileSync(centre.blobs.absolutePath(tooBig!.rawSha256), 'utf8');
    expect(kept).toContain('Subject: gros fichier');
    expect(kept).not.toContain('xxxx');
    expect(centre.checkpoint(mailbox.id)?.lastUid).toBe(4);
  }, 60_000);

  it('quarantines a message the sink fails to file instead of stopping the mailbox', async () => {
    await appendAll(dovecot, FAILING, 'INBOX', [1, 2, 3].map((n) => testMessage('failing', n)));
    const { mailbox, sink, target, deps } = setUp(FAILING);
    const failingOnTwo: IngestSink = {
      ingest: (mail) => {
        if (mail.uid === 2) throw new Error('contrainte violée');
        return sink.ingest(mail);
      },
      quarantine: (entry) => sink.quarantine(entry),
    };

    const report = await syncFolder(await connect(FAILING), target, deps({ sink: failingOnTwo }));

    expect(report.fates).toEqual({ appended: 2, quarantined: 1 });
    expect(centre.quarantined(mailbox.id)).toEqual([expect.objectContaining({ uid: 2, reason: 'filing_failed: contrainte violée' })]);
    expect(centre.checkpoint(mailbox.id)?.lastUid).toBe(3);
  }, 60_000);

  it('stops the pass on a busy database, and the next pass resumes where filing stopped', async () => {
    await appendAll(dovecot, BUSY, 'INBOX', [1, 2, 3].map((n) => testMessage('busy', n)));
    const { mailbox, sink, target, deps } = setUp(BUSY);
    const busyOnTwo: IngestSink = {
      ingest: (mail) => {
        if (mail.uid === 2) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
        return sink.ingest(mail);
      },
      quarantine: (entry) => sink.quarantine(entry),
    };
    const client = await connect(BUSY);

    await expect(syncFolder(client, target, deps({ sink: busyOnTwo }))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(centre.checkpoint(mailbox.id)?.lastUid).toBe(1);
    expect(await syncFolder(client, target, deps())).toMatchObject({ total: 2, fates: { appended: 2 } });
    expect(centre.quarantined(mailbox.id)).toEqual([]);
    expect(sink.calls.map((call) => call.uid)).toEqual([1, 2, 3]);
  }, 60_000);
});
