import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../electron/core/db/database';
import { cases, contacts, forms, queues } from '../../../electron/core/db/schema';
import { readdirSync } from 'node:fs';
import { migrationsFolder, openTempDatabase, type TempDatabase } from '../temp-database';

const productTables = [
  'settings', 'agents', 'queues', 'queue_members', 'mailboxes', 'forms', 'form_fields', 'qualifications',
  'template_themes', 'templates', 'contacts', 'address_book_entries', 'cases', 'case_fields', 'messages',
  'attachments', 'drafts', 'notepad_entries', 'history', 'outbox', 'routing_rules', 'mail_checkpoints', 'quarantine',
];

let temp: TempDatabase;
let db: Database;
beforeEach(() => {
  temp = openTempDatabase();
  db = temp.db;
});
afterEach(() => temp.dispose());

const now = '2025-03-14T10:00:00.000Z';

function addContact(firstName: string, lastName: string, extra: Partial<typeof contacts.$inferInsert> = {}): number {
  const row = { firstName, lastName, createdAt: now, updatedAt: now, ...extra };
  return db.orm.insert(contacts).values(row).returning({ id: contacts.id }).get().id;
}

function addCase(contactId: number, number: string, subject: string, questionText: string): number {
  const queueId = db.orm.insert(queues).values({ name: `File ${number}`, media: 'email', distribution: 'pull' })
    .returning({ id: queues.id }).get().id;
  const formId = db.orm.select({ id: forms.id }).from(forms).get()?.id ??
    db.orm.insert(forms).values({ name: 'E-mail', media: 'email', standard: true }).returning({ id: forms.id }).get().id;
  const row = {
    number, subject, state: 'todo' as const, queueId, formId, contactId, questionHtml: `<p>${questionText}</p>`,
    questionText, createdAt: now, updatedAt: now, receivedAt: now,
  };
  return db.orm.insert(cases).values(row).returning({ id: cases.id }).get().id;
}

const searchContacts = (query: string) =>
  db.sqlite.prepare('SELECT rowid AS id FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rank').all(query)
    .map((row) => (row as { id: number }).id);
const searchCases = (query: string) =>
  db.sqlite.prepare('SELECT rowid AS id FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rank').all(query)
    .map((row) => (row as { id: number }).id);
/** FTS5's own check that an external-content index matches its table. */
const checkContactsIndex = () =>
  db.sqlite.prepare(`INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('integrity-check', 1)`).run();

// Every SQL file of drizzle/ is one migration, applied once.
const migrationFiles = readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql'));

describe('openDatabase', () => {
  it('applies every migration once, creating the product tables and the search tables', () => {
    const names = db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()
      .map((row) => (row as { name: string }).name);
    expect(names).toEqual(expect.arrayContaining([...productTables, 'contacts_fts', 'cases_fts']));
    const applied = db.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(migrationFiles.length);
  });

  it('runs in WAL mode with foreign keys enforced, a busy timeout and NORMAL sync', () => {
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('refuses a row pointing to nothing', () => {
    expect(() => addCase(12345, '000001', 'Orphelin', 'Sans contact')).toThrow(/FOREIGN KEY/);
  });

  it('reopens an existing file without applying the migrations again', () => {
    addContact('Jean', 'Dupont');
    db.close();
    db = openDatabase(temp.file, migrationsFolder);
    temp.db = db;
    expect(db.orm.select().from(contacts).all()).toHaveLength(1);
    const applied = db.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(migrationFiles.length);
  });
});

describe('contacts full-text search', () => {
  it('finds a contact by name without accents, by phone prefix, company and reference numbers', () => {
    const helene = addContact('Hélène', 'Blanc', { mobile: '0644556677', company: 'Boulangerie Lefèvre' });
    const other = addContact('Jean', 'Dupont', { contractNumber: 'CT2023', email: 'jean.dupont@example.com' });
    expect(searchContacts('helene')).toEqual([helene]);
    expect(searchContacts('0644*')).toEqual([helene]);
    expect(searchContacts('lefevre')).toEqual([helene]);
    expect(searchContacts('CT2023')).toEqual([other]);
    expect(searchContacts('dupont')).toEqual([other]);
    checkContactsIndex();
  });

  it('follows updates and deletions', () => {
    const id = addContact('Marie', 'Lefebvre');
    db.orm.update(contacts).set({ lastName: 'Martin', orderNumber: 'CMD785' }).where(eq(contacts.id, id)).run();
    expect(searchContacts('lefebvre')).toEqual([]);
    expect(searchContacts('martin')).toEqual([id]);
    expect(searchContacts('CMD785')).toEqual([id]);
    checkContactsIndex();
    db.orm.delete(contacts).where(eq(contacts.id, id)).run();
    expect(searchContacts('martin')).toEqual([]);
    checkContactsIndex();
  });
});

describe('cases full-text search', () => {
  it('indexes number, subject, question and the contact’s name', () => {
    const contactId = addContact('Élodie', 'Bonnet');
    const caseId = addCase(contactId, '000042', 'Échéancier de paiement', 'Puis-je payer en trois fois ?');
    expect(searchCases('000042')).toEqual([caseId]);
    expect(searchCases('echeancier')).toEqual([caseId]);
    expect(searchCases('trois')).toEqual([caseId]);
    expect(searchCases('elodie AND bonnet')).toEqual([caseId]);
  });

  it('follows changes of the case and of its contact, and deletions', () => {
    const contactId = addContact('Élodie', 'Bonnet');
    const caseId = addCase(contactId, '000043', 'Facture', 'Montant incompréhensible');
    db.orm.update(cases).set({ subject: 'Remboursement' }).where(eq(cases.id, caseId)).run();
    expect(searchCases('facture')).toEqual([]);
    expect(searchCases('remboursement')).toEqual([caseId]);
    db.orm.update(contacts).set({ lastName: 'Garnier' }).where(eq(contacts.id, contactId)).run();
    expect(searchCases('bonnet')).toEqual([]);
    expect(searchCases('garnier')).toEqual([caseId]);
    const other = addContact('Paul', 'Roche');
    db.orm.update(cases).set({ contactId: other }).where(eq(cases.id, caseId)).run();
    expect(searchCases('roche')).toEqual([caseId]);
    db.orm.delete(cases).where(eq(cases.id, caseId)).run();
    expect(searchCases('remboursement')).toEqual([]);
  });
});
