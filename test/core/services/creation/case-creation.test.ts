import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../../shared/contract';
import type { DeskRow } from '../../../../shared/domain/desk';
import { contactFormValues } from '../../../../shared/domain/contact-view';
import { everyContactField, newCase, startCreationCentre, type CreationCentre } from './creation-fixture';

let centre: CreationCentre;

beforeAll(async () => {
  centre = await startCreationCentre();
});
afterAll(() => centre.dispose());

const sql = <T>(query: string, ...params: unknown[]) => centre.demo.core.db.sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]) => sql<T>(query, ...params)[0] as T;
const count = (table: string) => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;

async function deskNumbers(api: CreationCentre['camille'], kind: 'in_progress' | 'processed'): Promise<string[]> {
  const page = await api.desk.list({ desk: { kind } });
  return page.rows.map((row: DeskRow) => row.number);
}

describe('creation.options', () => {
  it('offers the forms, the queues Camille files into with their actions, the qualifications, the colleagues', () => {
    const { options } = centre;
    expect(options.forms.map((f) => [f.name, f.media, f.standard])).toEqual([
      ['Courrier', 'letter', true],
      ['E-mail', 'email', true],
      ['Sinistre', 'email', false],
      ['Téléphone', 'phone', true],
    ]);
    expect(options.forms.find((f) => f.name === 'E-mail')?.fields.find((f) => f.key === 'contact.email')?.required).toBe(true);
    expect(options.queues).toEqual([
      { id: centre.ids.letters, name: 'Courrier', media: 'letter', mode: 'push', actions: ['reply_and_wait', 'reply_and_close', 'close', 'assign_to_agent', 'assign_to_me'] },
      {
        id: centre.ids.service,
        name: 'Service clients',
        media: 'email',
        mode: 'pull',
        actions: ['reply_keep_open', 'reply_and_wait', 'reply_and_close', 'close', 'assign_to_agent', 'assign_to_me'],
      },
    ]);
    expect(options.qualifications.map((q) => q.label)).toContain('Facturation');
    expect(options.agents.map((a) => a.displayName)).toEqual(['Lucas Bernard', 'Sophie Durand']);
    expect(options.defaultCountry).toBe('FR');
  });

  it('offers a supervisor every active queue, a push queue without "Répondre sans clore"', async () => {
    const sophie = await centre.demo.as('Sophie Durand');
    const { queues } = await sophie.creation.options();
    expect(queues.map((q) => q.name)).toEqual(['Courrier', 'Réclamations', 'Service clients']);
    expect(queues.find((q) => q.name === 'Réclamations')?.actions).not.toContain('reply_keep_open');
  });
});

describe('creation.submit for a new contact', () => {
  it('creates the contact and the case with every field, replies and files it in Traités', async () => {
    const { camille } = centre;
    const request = await uploadFile(camille, bytesSource('bon-de-commande.pdf', 'application/pdf', Buffer.from('%PDF bon')));
    const response = await uploadFile(camille, bytesSource('procedure.txt', 'text/plain', Buffer.from('Procédure')));
    const qualification = centre.options.qualifications.find((q) => q.label === 'Facturation')?.children[0];
    const changes: string[] = [];
    const off = camille.on('case.changed', (event) => changes.push(`${event.caseId}:${event.state}`));
    const created = await camille.creation.submit({
      formId: centre.ids.emailForm,
      queueId: centre.ids.service,
      contact: everyContactField,
      subject: 'Double prélèvement',
      question: '<p>J’ai été <strong>prélevée deux fois</strong>.</p><script>alert(1)</script>',
      requestAttachments: [request],
      qualificationId: qualification?.id ?? null,
      notepad: 'Appel reçu à l’accueil.',
      response: { html: '<p>Nous vous remboursons sous 5 jours.</p>', attachments: [response] },
      action: 'reply_and_wait',
    });
    off();
    expect(created).toMatchObject({ state: 'waiting_contact', desk: 'processed', version: 2 });
    expect(created.number).toMatch(/^\d{6}$/);
    expect(created.message).toBe(`Le dossier ${created.number} a été créé.`);
    expect(changes).toEqual([`${created.caseId}:waiting_contact`]);

    const card = await camille.contacts.get({ contactId: created.contactId });
    expect(contactFormValues(card)).toEqual(everyContactField);

    const row = one<Record<string, unknown>>('SELECT * FROM cases WHERE id = ?', created.caseId);
    expect(row).toMatchObject({
      number: created.number,
      subject: 'Double prélèvement',
      question_html: '<p>J’ai été <strong>prélevée deux fois</strong>.</p>',
      question_text: expect.stringContaining('prélevée deux fois'),
      form_id: centre.ids.emailForm,
      queue_id: centre.ids.service,
      contact_id: created.contactId,
      qualification_id: qualification?.id,
      state: 'waiting_contact',
      assignee_id: created.assigneeId,
      version: 2,
    });
    const messages = sql<{ direction: string; attach_reason: string | null; to: string; id: number }>(
      'SELECT * FROM messages WHERE case_id = ? ORDER BY id',
      created.caseId,
    );
    expect(messages.map((m) => [m.direction, m.attach_reason])).toEqual([['in', 'created_by_agent'], ['out', null]]);
    expect(JSON.parse(messages[1]?.to ?? '[]')).toEqual([{ name: 'Agathe Lemoine', address: 'Agathe.Lemoine@Example.net' }]);
    const files = sql<{ kind: string; display_name: string; message_id: number }>(
      'SELECT kind, display_name, message_id FROM attachments WHERE case_id = ? ORDER BY id',
      created.caseId,
    );
    expect(files).toEqual([
      { kind: 'request', display_name: 'bon-de-commande.pdf', message_id: messages[0]?.id },
      { kind: 'response', display_name: 'procedure.txt', message_id: messages[1]?.id },
    ]);
    expect(sql('SELECT text FROM notepad_entries WHERE case_id = ?', created.caseId)).toEqual([{ text: 'Appel reçu à l’accueil.' }]);
    expect(sql('SELECT action, state_before, state_after FROM history WHERE case_id = ? ORDER BY id', created.caseId)).toEqual([
      { action: 'created', state_before: null, state_after: 'todo' },
      { action: 'reply_and_wait', state_before: null, state_after: 'waiting_contact' },
    ]);
    expect(sql('SELECT status, kind FROM outbox WHERE case_id = ?', created.caseId)).toEqual([{ status: 'queued', kind: 'reply' }]);
    expect(await deskNumbers(camille, 'processed')).toContain(created.number);
    expect(await deskNumbers(camille, 'in_progress')).not.toContain(created.number);
  });

  it('gives the next number to each case', async () => {
    const first = await centre.camille.creation.submit(newCase(centre, { contact: { lastName: 'Un', firstName: 'A', email: 'un@example.org' } }));
    const second = await centre.camille.creation.submit(newCase(centre, { contact: { lastName: 'Deux', firstName: 'B', email: 'deux@example.org' } }));
    expect(Number(second.number)).toBe(Number(first.number) + 1);
    const highest = one<{ n: number }>('SELECT max(CAST(number AS INTEGER)) AS n FROM cases').n;
    expect(Number(second.number)).toBe(highest);
  });

  it('reply_and_close queues the reply to the contact in the outbox and closes the case', async () => {
    const created = await centre.camille.creation.submit(
      newCase(centre, {
        contact: { lastName: 'Clos', firstName: 'Marc', email: 'marc.clos@example.org' },
        subject: 'Horaires',
        response: { html: '<p>Nous sommes ouverts de 9 h à 18 h.</p>' },
        action: 'reply_and_close',
      }),
    );
    expect(created).toMatchObject({ state: 'closed', desk: 'processed' });
    const outbox = one<{ payload: string; status: string; message_id_header: string }>('SELECT * FROM outbox WHERE case_id = ?', created.caseId);
    const payload = JSON.parse(outbox.payload);
    expect(outbox.status).toBe('queued');
    expect(payload.to).toEqual([{ name: 'Marc Clos', address: 'marc.clos@example.org' }]);
    expect(payload.subject).toBe(`RE: Horaires [#${created.number}]`);
    expect(payload.html).toContain('Nous sommes ouverts de 9 h à 18 h.');
    expect(payload.headers['Message-ID']).toBe(outbox.message_id_header);
  });

  it('fills the placeholders the form could not, case number and signature, in the reply it sends', async () => {
    const created = await centre.camille.creation.submit(
      newCase(centre, {
        contact: { lastName: 'Modèle', firstName: 'Inès', email: 'ines.modele@example.org' },
        response: { html: '<p>Madame Modèle, votre dossier {{case.number}} est clos.</p>{{ agent.signature }}' },
        action: 'reply_and_close',
      }),
    );
    const { payload } = one<{ payload: string }>('SELECT payload FROM outbox WHERE case_id = ?', created.caseId);
    const { html } = JSON.parse(payload) as { html: string };
    // In place of the placeholder, before the signature every reply gets under it.
    expect(html).toContain(`votre dossier ${created.number} est clos.</p><p>Camille Martin<br />Service clients`);
    expect(html).not.toContain('{{');
  });

  it('"A traiter par un autre agent" lands in that agent En cours, not the author one', async () => {
    const created = await centre.camille.creation.submit(
      newCase(centre, {
        contact: { lastName: 'Autre', firstName: 'Léo', email: 'leo.autre@example.org' },
        action: 'assign_to_agent',
        targetAgentId: centre.ids.lucas,
      }),
    );
    expect(created).toMatchObject({ state: 'todo', desk: 'in_progress', assigneeId: centre.ids.lucas });
    expect(await deskNumbers(centre.lucas, 'in_progress')).toContain(created.number);
    expect(await deskNumbers(centre.camille, 'in_progress')).not.toContain(created.number);
  });

  it('keeps a response typed with an action that sends nothing as the case draft', async () => {
    const created = await centre.camille.creation.submit(
      newCase(centre, {
        contact: { lastName: 'Brouillon', firstName: 'Zoé', email: 'zoe@example.org' },
        response: { html: '<p>Réponse à compléter</p>' },
      }),
    );
    expect(created).toMatchObject({ state: 'todo', desk: 'in_progress' });
    expect(await deskNumbers(centre.camille, 'in_progress')).toContain(created.number);
    const draft = one<{ html: string; to: string }>('SELECT html, "to" FROM drafts WHERE case_id = ?', created.caseId);
    expect(draft.html).toBe('<p>Réponse à compléter</p>');
    expect(JSON.parse(draft.to)).toEqual([{ name: 'Zoé Brouillon', address: 'zoe@example.org' }]);
    expect(count(`outbox WHERE case_id = ${created.caseId}`)).toBe(0);
  });

  it('files a letter case without an e-mail address, in the letter queue', async () => {
    const created = await centre.camille.creation.submit(
      newCase(centre, {
        formId: centre.ids.letterForm,
        queueId: centre.ids.letters,
        contact: { lastName: 'Postal', firstName: 'Jean', city: 'Lyon' },
        action: 'close',
      }),
    );
    expect(created).toMatchObject({ state: 'closed', desk: 'processed' });
    expect(await centre.camille.contacts.get({ contactId: created.contactId })).toMatchObject({ email: null, country: 'FR' });
  });

  it('stores the custom fields of an administrator form', async () => {
    const created = await centre.camille.creation.submit(
      newCase(centre, {
        formId: centre.ids.claimForm,
        contact: { lastName: 'Sinistre', firstName: 'Ana', email: 'ana@example.org', city: 'Brest' },
        fields: { policyNumber: 'POL-1', incidentDate: '02/03/2025', channel: 'Agence', details: '<p>Dégât <em>des eaux</em></p><img src="https://x.example/t.png">' },
      }),
    );
    expect(sql('SELECT key, value FROM case_fields WHERE case_id = ? ORDER BY key', created.caseId)).toEqual([
      { key: 'channel', value: 'Agence' },
      { key: 'details', value: '<p>Dégât <em>des eaux</em></p>' },
      { key: 'incidentDate', value: '2025-03-02' },
      { key: 'policyNumber', value: 'POL-1' },
    ]);
  });
});

describe('creation.submit for an existing contact', () => {
  it('finds the contact by contract number and creates no second card', async () => {
    const { camille } = centre;
    const [girard] = await camille.contacts.search({ q: 'CT-2019-00077' });
    expect(girard?.lastName).toBe('Girard');
    const contacts = count('contacts');
    const created = await camille.creation.submit(
      newCase(centre, { contact: { existingContactId: girard?.id as number }, subject: 'Nouvelle demande' }),
    );
    expect(created.contactId).toBe(girard?.id);
    expect(count('contacts')).toBe(contacts);
    const history = await camille.contacts.history({ contactId: girard?.id as number });
    expect(history[0]).toMatchObject({ number: created.number, subject: 'Nouvelle demande', state: 'todo', media: 'email' });
    expect(one('SELECT detail FROM history WHERE case_id = ? AND action = ?', created.caseId, 'created')).toEqual({
      detail: JSON.stringify({ contact: 'kept', formId: centre.ids.emailForm }),
    });
  });

  it('updates the card with what the agent corrected in the pre-filled form', async () => {
    const { camille } = centre;
    const [lefebvre] = await camille.contacts.search({ q: 'Lefebvre' });
    const values = contactFormValues(await camille.contacts.get({ contactId: lefebvre?.id as number }));
    const contacts = count('contacts');
    await camille.creation.submit(
      newCase(centre, { contact: { ...values, existingContactId: lefebvre?.id as number, mobile: '0677777777' } }),
    );
    expect(count('contacts')).toBe(contacts);
    expect(await camille.contacts.get({ contactId: lefebvre?.id as number })).toMatchObject({ mobile: '0677777777', lastName: 'Lefebvre' });
  });
});
