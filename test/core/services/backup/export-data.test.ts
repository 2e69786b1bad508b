import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../../shared/contract';
import type { Api, CallOutput } from '../../../../shared/contract';
import { refusal } from '../admin/demo-core';
import { startBackupCentre, type BackupCentre } from './backup-centre';

let centre: BackupCentre;
let admin: Api;
let exported: CallOutput<'backup.exportAll'>;
const proof = Buffer.from('%PDF-1.4 attestation d’assurance 2025');

beforeAll(async () => {
  centre = startBackupCentre();
  admin = await centre.as('Admin Unified');
  const camille = await centre.as('Camille Martin');
  const options = await camille.creation.options();
  const file = await uploadFile(camille, bytesSource('attestation.pdf', 'application/pdf', proof));
  await camille.creation.submit({
    formId: options.forms.find((form) => form.name === 'E-mail')!.id,
    queueId: options.queues.find((queue) => queue.name === 'Service clients')!.id,
    contact: { lastName: 'Lemoine', firstName: 'Agathe', email: 'agathe@exemple.fr' },
    subject: 'Attestation',
    question: '<p>Voici mon attestation.</p>',
    requestAttachments: [file],
    action: 'assign_to_me',
  });
  exported = await admin.backup.exportAll({ folder: path.join(centre.scratch, 'depart') });
});
afterAll(() => centre.dispose());

const rows = (table: string) =>
  readFileSync(path.join(exported.folder, `${table}.jsonl`), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('« Exporter toutes les données »', () => {
  it('writes one JSON Lines file per table in a new dated folder, as many rows as the centre has', () => {
    expect(path.dirname(exported.folder)).toBe(path.join(centre.scratch, 'depart'));
    expect(path.basename(exported.folder)).toBe('export-2025-03-14T10-00-00Z');
    expect(exported.counts).toMatchObject({ cases: 21, contacts: 31, attachments: 1 });
    expect(rows('cases')).toHaveLength(exported.counts.cases);
    expect(rows('messages')).toHaveLength(exported.counts.messages);
    expect(rows('contacts')).toHaveLength(exported.counts.contacts);
    expect(readdirSync(exported.folder)).toEqual(expect.arrayContaining(['LISEZMOI.txt', 'export.json', 'notepad_entries.jsonl', 'history.jsonl', 'address_book_entries.jsonl']));
    // The snapshot it read from is gone.
    expect(readdirSync(exported.folder).filter((name) => name.endsWith('.sqlite'))).toEqual([]);
  });

  it('gives values as the product reads them: addresses as objects, flags as booleans', () => {
    const message = rows('messages')[0]!;
    expect(message.from).toEqual(expect.objectContaining({ address: expect.any(String) }));
    expect(typeof rows('agents')[0]!.active).toBe('boolean');
    expect(rows('cases').find((row) => row.subject === 'Attestation')).toMatchObject({ state: 'todo' });
  });

  it('copies each file under a readable name, byte for byte, and never exports a password', () => {
    const [attachment] = rows('attachments');
    expect(attachment).toMatchObject({ displayName: 'attestation.pdf', file: `pieces-jointes/${String(attachment!.id)}-attestation.pdf` });
    const bytes = readFileSync(path.join(exported.folder, String(attachment!.file)));
    expect(bytes.equals(proof)).toBe(true);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment!.sha256);
    expect(attachment).not.toHaveProperty('storagePath');
    for (const agent of rows('agents')) expect(agent).not.toHaveProperty('passwordHash');
    expect(readFileSync(path.join(exported.folder, 'agents.jsonl'), 'utf8')).not.toContain('scrypt$');
  });

  it('refuses a path that is not a full one', async () => {
    const error = await refusal(admin.backup.exportAll({ folder: 'exports' }));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({ folder: 'Indiquez le chemin complet d’un dossier (ex. /home/centre/sauvegardes ou D:\\Sauvegardes).' });
    expect(existsSync(path.join(process.cwd(), 'exports'))).toBe(false);
  });
});
