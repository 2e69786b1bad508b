import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, CallName } from '../../../../shared/contract';
import type { QuarantineEntry } from '../../../../shared/domain/quarantine';
import { createBlobStore } from '../../../../electron/core/storage/blob-store';
import { CENTRE, centreSettings } from '../../mail/outbox/centre-rig';
import { customer, signIn, startJourneyWorld, type JourneyWorld } from '../../../integration/mail-journeys/journey-world';
import { dumpDatabase } from '../cases/case-fixture';

/**
 * The quarantine's calls, on mail really delivered into the rig's Dovecot and synced by the mail
 * runtime (never rows written by the test): who may call them, what the list shows, and what
 * « Réessayer », « Créer un dossier » and « Supprimer » do.
 */

const partner = customer('partenaire', 'Partenaire Logistique');

let world: JourneyWorld;
let supervisor: Api;
const heard: number[] = [];

beforeAll(async () => {
  world = await startJourneyWorld([partner]);
  supervisor = await signIn(world.core, 'Sophie Durand');
  supervisor.on('quarantine.changed', ({ count }) => heard.push(count));
});
afterAll(async () => {
  await world?.stop();
});

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

/** Not a message at all: binary junk, as a broken mailer or a disk fault leaves. */
const junk = Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x0d, 0x0a, 0x42, 0x0d, 0x0a]);

/** A real message with neither From nor Reply-To: nobody to file it for. */
const anonymous = crlf([
  'Date: Fri, 14 Mar 2025 09:30:00 +0100',
  'To: centre@test.local',
  'Subject: =?UTF-8?Q?R=C3=A9clamation_sans_signature?=',
  'Message-ID: <anonyme.1@exemple.fr>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Mon colis est arrivé abîmé.',
  '',
]);

async function deliver(raw: Buffer): Promise<void> {
  await world.rig.dovecot.deliver(CENTRE.user, raw);
}

const count = async (api: Api) => (await api.quarantine.count()).count;

async function waitForCount(n: number): Promise<void> {
  await expect.poll(() => count(supervisor), { timeout: 20_000, interval: 50 }).toBe(n);
}

const entries = async (api: Api = supervisor) => (await api.quarantine.list({})).entries;

/** Everything but the sync's own progress (its checkpoint times move while it idles). */
function snapshot() {
  const { mail_checkpoints: _progress, ...rest } = dumpDatabase(world.core);
  return rest;
}

describe('the quarantine, through the contract', () => {
  it('lists what the sync could not file, newest first, with its date, sender, subject, French reason and size', async () => {
    await deliver(junk);
    await waitForCount(1);
    await deliver(anonymous);
    await waitForCount(2);

    const [second, first] = await entries(world.admin);
    expect(second).toEqual({
      id: expect.any(Number),
      mailbox: { id: world.mailboxId, name: 'Centre', address: CENTRE.user },
      quarantinedAt: expect.any(String),
      date: '2025-03-14T08:30:00.000Z',
      sender: null,
      subject: 'Réclamation sans signature',
      reason: {
        code: 'no_sender',
        text: 'Message sans expéditeur (ni From ni Reply-To) : impossible de le rattacher à un contact.',
        detail: null,
      },
      size: anonymous.length,
    } satisfies QuarantineEntry);
    expect(first).toMatchObject({
      date: null,
      sender: null,
      subject: '',
      reason: { code: 'unparseable', text: 'Message illisible : sa source n’a pas pu être analysée comme un e-mail.', detail: expect.stringMatching(/^Source illisible/) },
      size: junk.length,
    });
    expect(first!.id).toBeLessThan(second!.id);
    // The header's count follows, pushed to every window of a supervisor or an administrator.
    expect(heard).toEqual([1, 2]);
  });

  it('pages the list: `next` is where the following page starts', async () => {
    const [newest, oldest] = await entries();
    const page = await supervisor.quarantine.list({ limit: 1 });
    expect(page).toEqual({ entries: [newest], next: newest!.id });
    expect(await supervisor.quarantine.list({ limit: 1, before: page.next! })).toEqual({ entries: [oldest], next: null });
  });

  it('gives the stored source as an .eml file, byte for byte', async () => {
    const [entry] = await entries();
    const file = await supervisor.quarantine.source({ id: entry!.id });
    expect(file).toEqual({ fileName: `quarantaine-${entry!.id}.eml`, mimeType: 'message/rfc822', contentBase64: anonymous.toString('base64') });
  });

  it('refuses every call to an agent, changing nothing', async () => {
    const [entry] = await entries();
    const queueId = (await supervisor.quarantine.queues())[0]!.id;
    const before = snapshot();
    const attempts: Array<[CallName, unknown]> = [
      ['quarantine.list', {}],
      ['quarantine.count', {}],
      ['quarantine.source', { id: entry!.id }],
      ['quarantine.retry', { id: entry!.id }],
      ['quarantine.queues', {}],
      ['quarantine.createCase', { id: entry!.id, queueId, contactEmail: 'client@exemple.fr' }],
      ['quarantine.delete', { id: entry!.id }],
    ];
    const connection = world.core.connect();
    const signedIn = await connection.call('session.signIn', { login: 'camille.martin', password: 'demo' });
    expect(signedIn.ok).toBe(true);
    for (const [name, input] of attempts) {
      const answer = await connection.call(name, input);
      expect(answer, name).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'La quarantaine des e-mails est réservée aux administrateurs et aux superviseurs.' },
      });
    }
    expect(snapshot()).toEqual(before);
    expect(await count(supervisor)).toBe(2);
  });

  it('« Réessayer » leaves a message that still cannot be filed where it is, with its reason', async () => {
    const [anonymousEntry] = await entries();
    expect(await supervisor.quarantine.retry({ id: anonymousEntry!.id })).toEqual({ outcome: 'quarantined', entry: anonymousEntry });
    expect(await count(supervisor)).toBe(2);
  });

  it('« Réessayer » files a message once an administrator has fixed what kept it out', async () => {
    // An administrator once typed a partner's address for an unused mailbox: the partner's mail
    // looks like the centre's own and is set aside rather than opening a case for the centre.
    const queueId = (await world.admin.admin.queues()).find((queue) => queue.name === 'Service clients')!.id;
    const settings = { ...centreSettings(world.rig, queueId), name: 'Ancienne boîte', address: partner.user, active: false };
    const mistaken = await world.admin.mailboxes.create({ ...settings, password: 'inutile' });
    const sent = await world.send(partner, { subject: 'Livraison du 14 mars', text: 'Le transporteur passera demain.' });
    await waitForCount(3);
    const [entry] = await entries();
    expect(entry).toMatchObject({ subject: 'Livraison du 14 mars', sender: { name: 'Partenaire Logistique', address: partner.user }, reason: { code: 'own_address' } });

    await world.admin.mailboxes.update({ ...settings, id: mistaken.id, address: 'ancienne-boite@test.local' });
    const filed = await supervisor.quarantine.retry({ id: entry!.id });
    expect(filed).toEqual({ outcome: 'filed', caseId: expect.any(Number), number: expect.stringMatching(/^\d{6}$/) });
    if (filed.outcome !== 'filed') return;
    expect(await world.caseOf(sent)).toBe(filed.caseId);
    const detail = await supervisor.cases.get({ caseId: filed.caseId });
    expect(detail).toMatchObject({ number: filed.number, subject: 'Livraison du 14 mars', state: 'todo', contact: { email: partner.user } });
    expect((await entries()).map((listed) => listed.id)).not.toContain(entry!.id);
    expect(heard.at(-1)).toBe(2);
  });

  it('« Créer un dossier » needs a contact for a message without a sender, and an active e-mail queue', async () => {
    const [anonymousEntry] = await entries();
    const queues = await supervisor.quarantine.queues();
    expect(queues.map((queue) => queue.name)).toEqual(['Réclamations', 'Service clients']);
    const complaints = queues.find((queue) => queue.name === 'Réclamations')!.id;
    const before = snapshot();

    await expect(supervisor.quarantine.createCase({ id: anonymousEntry!.id, queueId: complaints })).rejects.toMatchObject({
      code: 'validation',
      fields: { contactEmail: 'Ce message n’a pas d’expéditeur : indiquez l’adresse e-mail du contact.' },
    });
    await expect(supervisor.quarantine.createCase({ id: anonymousEntry!.id, queueId: 99_999, contactEmail: 'lea.roux@exemple.fr' })).rejects.toMatchObject({
      code: 'validation',
      fields: { queueId: 'Choisissez une file e-mail active.' },
    });
    await expect(supervisor.quarantine.createCase({ id: anonymousEntry!.id, queueId: complaints, contactEmail: 'pas une adresse' })).rejects.toMatchObject({
      code: 'validation',
      fields: { contactEmail: 'Adresse e-mail invalide.' },
    });
    expect(snapshot()).toEqual(before);
  });

  it('« Créer un dossier » opens a case in the queue chosen, with the message, its contact and a note saying where it came from', async () => {
    const [anonymousEntry] = await entries();
    const complaints = (await supervisor.quarantine.queues()).find((queue) => queue.name === 'Réclamations')!.id;
    const created = await supervisor.quarantine.createCase({ id: anonymousEntry!.id, queueId: complaints, contactEmail: 'Lea.Roux@exemple.fr' });

    const detail = await supervisor.cases.get({ caseId: created.caseId });
    expect(detail).toMatchObject({ number: created.number, subject: 'Réclamation sans signature', state: 'todo', queue: { id: complaints } });
    expect(detail.contact.email).toBe('Lea.Roux@exemple.fr');
    expect(detail.messages).toEqual([expect.objectContaining({ direction: 'in', text: 'Mon colis est arrivé abîmé.\n', hasSource: true })]);
    expect(detail.notepad).toEqual([
      expect.objectContaining({
        agent: expect.objectContaining({ displayName: 'Sophie Durand' }),
        text: 'Dossier créé depuis la quarantaine des e-mails par Sophie Durand. Motif de la quarantaine : Message sans expéditeur (ni From ni Reply-To) : impossible de le rattacher à un contact.',
      }),
    ]);
    expect(await count(supervisor)).toBe(1);
    // Another window still showing it: the message is in a case now, not twice.
    await expect(world.admin.quarantine.createCase({ id: anonymousEntry!.id, queueId: complaints, contactEmail: 'x@exemple.fr' })).rejects.toMatchObject({
      code: 'refused',
      message: 'Ce message a déjà été classé dans un dossier.',
    });
  });

  it('« Créer un dossier » from a source no parser reads joins the source to the case as a file', async () => {
    const [junkEntry] = await entries();
    // What the server gave (IMAP carries no NUL: Dovecot sends 0x80 for it), as the quarantine kept it.
    const source = (await supervisor.quarantine.source({ id: junkEntry!.id })).contentBase64;
    const service = (await supervisor.quarantine.queues()).find((queue) => queue.name === 'Service clients')!.id;
    const created = await world.admin.quarantine.createCase({ id: junkEntry!.id, queueId: service, contactEmail: 'marc.lemoine@exemple.fr' });
    const [message] = (await supervisor.cases.get({ caseId: created.caseId })).messages;
    expect(message).toMatchObject({ subject: '(message illisible)', text: expect.stringMatching(/n’a pas pu être lu automatiquement/) });
    expect(message!.attachments).toEqual([expect.objectContaining({ displayName: 'message.eml', mediaType: 'message/rfc822', size: junk.length })]);
    const saved = await supervisor.attachments.download({ attachmentId: message!.attachments[0]!.id });
    expect(saved.contentBase64).toBe(source);
    expect(await count(supervisor)).toBe(0);
  });

  it('« Supprimer » removes the message and its source file, and only once', async () => {
    const other = crlf(['Subject: Sans expéditeur non plus', 'Message-ID: <anonyme.2@exemple.fr>', '', 'À supprimer.', '']);
    await deliver(other);
    await waitForCount(1);
    const [entry] = await entries();
    const blobs = createBlobStore(world.core.dataDir);
    const sha = createHash('sha256').update(other).digest('hex');
    expect(blobs.has(sha)).toBe(true);

    expect(await world.admin.quarantine.delete({ id: entry!.id })).toBeNull();
    expect(await entries()).toEqual([]);
    expect(await count(world.admin)).toBe(0);
    expect(blobs.has(sha)).toBe(false);
    await expect(supervisor.quarantine.source({ id: entry!.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(supervisor.quarantine.delete({ id: entry!.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(heard.at(-1)).toBe(0);
  });
});
