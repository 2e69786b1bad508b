import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../../shared/contract';
import type { Api } from '../../../../shared/contract';
import type { CaseDetail } from '../../../../shared/domain/case-detail';
import type { BackupEntry } from '../../../../shared/domain/backup';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { migrationsFolder } from '../../temp-database';
import { refusal } from '../admin/demo-core';
import { chooseBackupFolder, sha256, signIn, startBackupCentre, until, type BackupCentre } from './backup-centre';

let centre: BackupCentre;
let admin: Api;
let camille: Api;
let sophie: Api;
let folder: string;

beforeAll(async () => {
  centre = startBackupCentre();
  [admin, camille, sophie] = await Promise.all([centre.as('Admin Unified'), centre.as('Camille Martin'), centre.as('Sophie Durand')]);
  folder = path.join(centre.scratch, 'sauvegardes');
  await chooseBackupFolder(admin, folder);
});
afterAll(() => centre.dispose());

type Complete = Extract<BackupEntry, { complete: true }>;

/** Every case a supervisor sees: each agent's two desks, each queue, the Validation desk. */
async function caseIds(api: Api): Promise<number[]> {
  const agents = await api.session.colleagues();
  const queues = await api.desk.queues();
  const desks = [
    ...agents.flatMap((agent) => [{ kind: 'in_progress' as const, agentId: agent.id }, { kind: 'processed' as const, agentId: agent.id }]),
    ...queues.map((queue) => ({ kind: 'queue' as const, queueId: queue.id })),
    { kind: 'validation' as const },
  ];
  const ids = new Set<number>();
  for (const desk of desks) for (const row of (await api.desk.list({ desk, limit: 500 })).rows) ids.add(row.id);
  return [...ids].sort((a, b) => a - b);
}

/** A case as the screen reads it, with each file's bytes as their SHA-256 (`unread` is the reader's). */
async function caseView(api: Api, caseId: number) {
  const { unread: _unread, ...detail } = await api.cases.get({ caseId });
  const files: Record<number, string> = {};
  for (const message of detail.messages) {
    for (const file of message.attachments) files[file.id] = sha256((await api.attachments.download({ attachmentId: file.id })).contentBase64);
  }
  return { detail, files };
}

interface Work {
  /** Cases created by the loop, in order, with the SHA-256 of the file each carries. */
  created: Array<{ caseId: number; fileSha: string }>;
  notes: string[];
  stop(): Promise<void>;
}

/** Camille works through the contract while the backup runs: new cases with a file, notes on one case. */
function keepWorking(noteCaseId: number): Work {
  const work: Work = { created: [], notes: [], stop: async () => undefined };
  let running = true;
  const loop = (async () => {
    const options = await camille.creation.options();
    const formId = options.forms.find((form) => form.name === 'E-mail')!.id;
    const queueId = options.queues.find((queue) => queue.name === 'Service clients')!.id;
    for (let i = 1; running; i++) {
      const content = Buffer.from(`Justificatif ${i} : ${'données '.repeat(200 + i)}`);
      const file = await uploadFile(camille, bytesSource(`justificatif-${i}.txt`, 'text/plain', content));
      const created = await camille.creation.submit({
        formId,
        queueId,
        contact: { lastName: `Client${i}`, firstName: 'Test', email: `client${i}@exemple.fr` },
        subject: `Demande ${i} pendant la sauvegarde`,
        question: `<p>Question ${i}</p>`,
        requestAttachments: [file],
        action: 'assign_to_me',
      });
      work.created.push({ caseId: created.caseId, fileSha: sha256(content.toString('base64')) });
      await camille.cases.addNote({ caseId: noteCaseId, text: `note ${i}` });
      work.notes.push(`note ${i}`);
    }
  })();
  work.stop = async () => {
    running = false;
    await loop;
  };
  return work;
}

const isPrefix = <T>(prefix: T[], whole: T[]) => prefix.every((item, index) => whole[index] === item);

describe('a backup while agents work, restored into a new folder', () => {
  let backup: Complete;
  let work: Work;
  let doneBefore: number;
  let doneAfter: number;
  let before: { ids: number[]; contacts: number };
  let restoredCore: Core;
  let restored: Api;
  let noteCaseId: number;
  let runningSeen: string | undefined;
  let statusAfter: Awaited<ReturnType<Api['backup']['status']>>;

  beforeAll(async () => {
    noteCaseId = (await camille.desk.list({ desk: { kind: 'in_progress' } })).rows[0]!.id;
    const ids = await caseIds(sophie);
    before = { ids, contacts: Math.max(...(await Promise.all(ids.map(async (id) => (await sophie.cases.get({ caseId: id })).contact.id)))) };
    work = keepWorking(noteCaseId);
    await until(() => work.created.length >= 3);
    doneBefore = work.notes.length;
    const running = admin.backup.run();
    runningSeen = (await admin.backup.status()).running?.kind;
    const entry = await running;
    statusAfter = await admin.backup.status();
    doneAfter = work.created.length;
    await until(() => work.created.length >= doneAfter + 2).finally(() => work.stop());
    if (!entry.complete) throw new Error('the backup is not complete');
    backup = entry;

    const dataFolder = path.join(centre.scratch, 'restauration');
    const counts = await admin.backup.restore({ backupFolder: path.join(folder, backup.name), dataFolder });
    expect(counts).toEqual(backup.counts);
    restoredCore = createCore({ dataDir: dataFolder, migrationsFolder, clock: centre.clock });
    restored = await signIn(restoredCore, 'Sophie Durand');
  }, 60_000);
  afterAll(() => restoredCore?.close());

  it('is listed, complete, with what it holds, and the screen saw its progress', async () => {
    const list = await admin.backup.list();
    expect(list).toMatchObject({ folder, keep: 7 });
    expect(list.backups).toEqual([backup]);
    expect(backup).toMatchObject({ complete: true, name: 'sauvegarde-2025-03-14T10-00-00Z', appVersion: '1.2.3' });
    expect(backup.sizeBytes).toBeGreaterThan(100_000);
    expect(runningSeen).toBe('backup');
    expect(statusAfter).toMatchObject({ running: null, last: { kind: 'backup', ok: true } });
    expect(statusAfter.last?.message).toContain(backup.name);
  });

  it('holds every case there was before it started, and the work done meanwhile up to one instant, whole', async () => {
    const restoredIds = await caseIds(restored);
    expect(restoredIds.length).toBe(backup.counts.cases);
    for (const id of before.ids) expect(restoredIds).toContain(id);
    // The cases of the loop: a prefix of them, at least those made before the backup started.
    const createdIds = work.created.map((c) => c.caseId);
    const restoredCreated = restoredIds.filter((id) => !before.ids.includes(id));
    expect(isPrefix(restoredCreated, createdIds)).toBe(true);
    expect(restoredCreated.length).toBeGreaterThanOrEqual(doneBefore);
    expect(restoredCreated.length).toBeLessThanOrEqual(doneAfter);
    // The notes of the case worked on: the same prefix, none lost in the middle.
    const notes = (await restored.cases.get({ caseId: noteCaseId })).notepad.map((entry) => entry.text).filter((text) => /^note \d+$/.test(text));
    expect(isPrefix(notes, work.notes)).toBe(true);
    expect(notes.length).toBeGreaterThanOrEqual(doneBefore);
    expect(notes.length).toBeLessThanOrEqual(doneAfter);
  });

  it('gives the same cases, messages and files, byte for byte, through the same calls', async () => {
    for (const id of await caseIds(restored)) {
      const [original, copy] = await Promise.all([caseView(sophie, id), caseView(restored, id)]);
      if (id === noteCaseId) {
        const strip = ({ notepad: _n, history: _h, version: _v, updatedAt: _u, ...rest }: Omit<CaseDetail, 'unread'>) => rest;
        expect(strip(copy.detail)).toEqual(strip(original.detail));
      } else {
        expect(copy.detail, `case ${id}`).toEqual(original.detail);
      }
      expect(copy.files, `files of case ${id}`).toEqual(original.files);
    }
    for (const { caseId, fileSha } of work.created.filter((c) => c.caseId <= Math.max(...before.ids) + doneAfter)) {
      const copy = await caseView(restored, caseId).catch(() => null);
      if (copy) expect(Object.values(copy.files)).toEqual([fileSha]);
    }
  });

  it('gives the same contacts', async () => {
    const restoredIds = await caseIds(restored);
    const contactIds = new Set<number>();
    for (let id = 1; id <= before.contacts; id++) contactIds.add(id);
    for (const id of restoredIds) contactIds.add((await restored.cases.get({ caseId: id })).contact.id);
    for (const contactId of contactIds) {
      expect(await restored.contacts.get({ contactId }), `contact ${contactId}`).toEqual(await sophie.contacts.get({ contactId }));
    }
  });
});

describe('restoring is refused', () => {
  let name: string;
  beforeAll(async () => {
    centre.clock.advance(60_000);
    name = (await admin.backup.run()).name;
  });

  const copyOf = (label: string) => {
    const copy = path.join(centre.scratch, `copie-${label}`);
    cpSync(path.join(folder, name), copy, { recursive: true });
    return copy;
  };
  const flipByte = (file: string) => {
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(file, bytes);
  };

  it.each([
    ['its database', (copy: string) => path.join(copy, 'unified.sqlite'), 'unified.sqlite'],
    ['one of its attachments', (copy: string) => path.join(copy, readBlob(copy)), 'attachments/'],
    ['the list of its attachments', (copy: string) => path.join(copy, 'fichiers.json'), 'fichiers.json'],
  ])('for a backup with one byte changed in %s, and nothing is written', async (label, fileOf, named) => {
    const copy = copyOf(label.replace(/\s/g, '-'));
    flipByte(fileOf(copy));
    const target = path.join(centre.scratch, `cible-${label.replace(/\s/g, '-')}`);
    const error = await refusal(admin.backup.restore({ backupFolder: copy, dataFolder: target }));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/^La sauvegarde est endommagée : le fichier « .+ » ne correspond plus à l’empreinte SHA-256 notée dans son manifeste\./);
    expect(error.message).toContain(named);
    expect(existsSync(target)).toBe(false);
    expect((await admin.backup.status()).last).toMatchObject({ kind: 'restore', ok: false, message: error.message });
  });

  it('into a folder that holds anything, which is left untouched', async () => {
    const target = path.join(centre.scratch, 'occupe');
    mkdirSync(target);
    writeFileSync(path.join(target, 'notes.txt'), 'à garder');
    const error = await refusal(admin.backup.restore({ backupFolder: path.join(folder, name), dataFolder: target }));
    expect(error.message).toBe(
      `Le dossier « ${target} » n’est pas vide : une restauration ne remplace jamais des données existantes. Choisissez un dossier vide ou qui n’existe pas encore.`,
    );
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });

  it('for a folder that is not a complete backup (no manifest)', async () => {
    const copy = copyOf('sans-manifeste');
    rmSync(path.join(copy, 'manifest.json'));
    const error = await refusal(admin.backup.restore({ backupFolder: copy, dataFolder: path.join(centre.scratch, 'vide') }));
    expect(error.message).toContain('n’est pas une sauvegarde complète : son manifeste (manifest.json) manque');
  });

  it('to anyone but an administrator, as every backup call', async () => {
    for (const call of [() => camille.backup.run(), () => sophie.backup.list(), () => camille.backup.logTail({}), () => sophie.backup.restore({ backupFolder: '/a', dataFolder: '/b' })]) {
      expect((await refusal(call())).code).toBe('forbidden');
    }
  });

  it('« Vérifier » tells an intact backup from a damaged one', async () => {
    expect(await admin.backup.verify({ name })).toBeNull();
    flipByte(path.join(folder, name, 'unified.sqlite'));
    const error = await refusal(admin.backup.verify({ name }));
    expect(error.message).toContain('La sauvegarde est endommagée : le fichier « unified.sqlite »');
    rmSync(path.join(folder, name), { recursive: true });
  });
});

describe('keeping the last backups', () => {
  it('keeps the N newest complete ones; a folder without manifest is never one of them, and goes once long abandoned', async () => {
    await chooseBackupFolder(admin, folder, 2);
    const cutShort = path.join(folder, 'sauvegarde-2025-03-14T09-00-00Z');
    const abandoned = path.join(folder, 'sauvegarde-2025-03-01T09-00-00Z');
    mkdirSync(cutShort);
    mkdirSync(abandoned);
    writeFileSync(path.join(abandoned, 'unified.sqlite'), 'moitié');
    const longAgo = new Date('2025-03-01T09:00:00Z');
    utimesSync(abandoned, longAgo, longAgo);
    utimesSync(cutShort, centre.clock.now(), centre.clock.now());

    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      centre.clock.advance(60_000);
      names.push((await admin.backup.run()).name);
    }
    const { backups } = await admin.backup.list();
    expect(backups.filter((b) => b.complete).map((b) => b.name)).toEqual([names[2], names[1]]);
    expect(backups.filter((b) => !b.complete).map((b) => b.name)).toEqual([path.basename(cutShort)]);
    expect(existsSync(abandoned)).toBe(false);
  });

  it('refuses a backup folder inside the data folder', async () => {
    await chooseBackupFolder(admin, path.join(centre.dataDir, 'sauvegardes'));
    const error = await refusal(admin.backup.run());
    expect(error.message).toBe('Choisissez un dossier de sauvegarde en dehors du dossier des données du centre (idéalement sur un autre disque).');
    await chooseBackupFolder(admin, folder, 2);
  });
});

/** The first attachment a backup lists (the manifest vouches for the list, the list for each file). */
function readBlob(backup: string): string {
  const files = JSON.parse(readFileSync(path.join(backup, 'fichiers.json'), 'utf8')) as { path: string }[];
  return files[0]!.path;
}
