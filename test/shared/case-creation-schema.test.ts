import { describe, expect, it } from 'vitest';
import {
  caseCreationSchema,
  creationActions,
  customFieldValues,
  htmlHasContent,
  type CaseCreationInput,
  type CreationCatalogue,
  type CreationField,
} from '../../shared/domain/case-creation-schema';
import { issuesOf } from './field-issues';

const today = new Date(2024, 5, 15, 10, 30);
const custom: CreationField[] = [
  { key: 'contact.city', label: 'Ville', type: 'text', required: true, options: null },
  { key: 'policy', label: 'N° de police', type: 'text', required: true, options: null },
  { key: 'incident', label: 'Date du sinistre', type: 'date', required: false, options: null },
  { key: 'channel', label: 'Canal', type: 'select', required: false, options: ['Agence', 'Internet'] },
];
const catalogue: CreationCatalogue = {
  forms: [
    { id: 1, media: 'email', fields: [] },
    { id: 2, media: 'letter', fields: [] },
    { id: 3, media: 'email', fields: custom },
  ],
  queues: [
    { id: 10, media: 'email', actions: [...creationActions] },
    { id: 11, media: 'letter', actions: ['close', 'assign_to_me'] },
  ],
};
const schema = caseCreationSchema({ today, catalogue });

const valid: CaseCreationInput = {
  formId: 1,
  queueId: 10,
  contact: { lastName: 'Dupont', firstName: 'Jeanne', email: 'jeanne@example.com' },
  subject: 'Facture',
  question: '<p>Pourquoi ce montant ?</p>',
  action: 'assign_to_me',
};
const parse = (changes: Partial<CaseCreationInput>) => schema.safeParse({ ...valid, ...changes });

describe('case creation schema', () => {
  it('offers the actions the case machine allows at creation, in the seed order', () => {
    expect(creationActions).toEqual([
      'reply_keep_open',
      'reply_and_wait',
      'reply_and_close',
      'close',
      'assign_to_agent',
      'assign_to_me',
    ]);
  });

  it('accepts a new contact and gives its fields as the contact schema does', () => {
    const result = parse({ contact: { lastName: 'Dupont', firstName: 'Jeanne', email: 'j@x.fr', birthDate: '01/02/1990' } });
    expect(result.data?.contact).toEqual({
      existingContactId: null,
      fields: expect.objectContaining({ civility: 'monsieur', email: 'j@x.fr', birthDate: '1990-02-01' }),
    });
  });

  it('asks for the names when no card is chosen and nothing is filled in', () => {
    expect(issuesOf(parse({ contact: {} as CaseCreationInput['contact'] }))).toEqual([
      ['contact.lastName', 'Le nom est obligatoire.'],
      ['contact.firstName', 'Le prénom est obligatoire.'],
      ['contact.email', "L'adresse e-mail est obligatoire pour une file e-mail."],
    ]);
    expect(issuesOf(parse({ contact: { existingContactId: 0 } }))).toEqual([['contact.existingContactId', 'Contact invalide.']]);
  });

  it('takes an existing card alone, or with the form values that update it', () => {
    expect(parse({ contact: { existingContactId: 7 } }).data?.contact).toEqual({ existingContactId: 7, fields: null });
    const updated = parse({ contact: { existingContactId: 7, lastName: 'Dupont', firstName: 'J', email: 'j@x.fr' } });
    expect(updated.data?.contact).toMatchObject({ existingContactId: 7, fields: { lastName: 'Dupont' } });
  });

  it('reports every mistake at once, each on its own field path', () => {
    const result = schema.safeParse({
      formId: 2,
      queueId: 10,
      contact: { lastName: '', firstName: 'J', mobile: '06 11 22 33 44', landline: '+33145', birthDate: '31/02/1990' },
      subject: ' ',
      question: '<p><br></p>',
      action: 'reply_and_close',
    });
    expect(issuesOf(result)).toEqual([
      ['contact.lastName', 'Le nom est obligatoire.'],
      ['contact.birthDate', "Cette date n'existe pas."],
      ['contact.mobile', expect.stringMatching(/^Saisissez uniquement des chiffres/)],
      ['contact.landline', 'Remplacez le + par 00 (ex. 0033…).'],
      ['subject', "L'objet est obligatoire."],
      ['question', 'La question est obligatoire.'],
      ['queueId', 'Choisissez une file du même média que le formulaire.'],
      ['contact.email', "L'adresse e-mail est obligatoire pour une file e-mail."],
      ['response.html', 'Rédigez la réponse : l\'action « Répondre et clore » en a besoin.'],
    ]);
    const letter = parse({ formId: 2, queueId: 11, contact: { lastName: 'A', firstName: 'B' }, action: 'close' });
    expect(issuesOf(letter)).toEqual([]);
  });

  it('requires the e-mail for an e-mail queue only', () => {
    const noEmail = { lastName: 'Dupont', firstName: 'Jeanne' };
    expect(issuesOf(parse({ contact: noEmail }))).toEqual([
      ['contact.email', "L'adresse e-mail est obligatoire pour une file e-mail."],
    ]);
    expect(issuesOf(parse({ formId: 2, queueId: 11, contact: noEmail, action: 'close' }))).toEqual([]);
  });

  it('refuses a form or a queue outside the lists, and an action the queue does not offer', () => {
    expect(issuesOf(parse({ formId: 99 }))).toEqual([['formId', 'Choisissez un formulaire.']]);
    expect(issuesOf(parse({ queueId: 99 }))).toEqual([['queueId', 'Choisissez une file.']]);
    expect(issuesOf(parse({ formId: 2, queueId: 11, action: 'reply_and_wait', response: { html: '<p>Oui</p>' } }))).toEqual([
      ['action', "Cette action n'est pas proposée pour cette file."],
    ]);
    expect(issuesOf(parse({ action: 'take' as 'close' }))[0]?.[0]).toBe('action');
  });

  it('needs the target agent for "A traiter par un autre agent"', () => {
    expect(issuesOf(parse({ action: 'assign_to_agent' }))).toEqual([
      ['targetAgentId', "Choisissez l'agent à qui confier le dossier."],
    ]);
    expect(issuesOf(parse({ action: 'assign_to_agent', targetAgentId: 2 }))).toEqual([]);
  });

  it('needs an address to reply to, the contact one or the To given', () => {
    const contact = { lastName: 'Dupont', firstName: 'Jeanne' };
    const letter = { formId: 2, queueId: 11, contact, response: { html: '<p>Réponse</p>' } };
    const reply = caseCreationSchema({ today, catalogue: { ...catalogue, queues: [{ id: 11, media: 'letter', actions: [...creationActions] }] } });
    expect(issuesOf(reply.safeParse({ ...valid, ...letter, action: 'reply_and_close' }))).toEqual([
      ['contact.email', "Indiquez l'adresse e-mail à laquelle envoyer la réponse."],
    ]);
  });

  it('lets a reply go to another address than the contact one when To is given', () => {
    const contact = { lastName: 'Dupont', firstName: 'Jeanne' };
    const reply = { html: '<p>Réponse</p>', to: { address: 'autre@example.com' } };
    expect(issuesOf(parse({ formId: 2, queueId: 11, contact, action: 'close', response: reply }))).toEqual([]);
  });

  it('applies the administrator form: required fields, standard ones included, and custom field types', () => {
    const result = parse({ formId: 3, fields: { incident: '31/02/2024', channel: 'Fax' } });
    expect(issuesOf(result)).toEqual([
      ['contact.city', 'Ce champ est obligatoire.'],
      ['fields.policy', 'Ce champ est obligatoire.'],
      ['fields.incident', "Cette date n'existe pas."],
      ['fields.channel', 'Choisissez une valeur dans la liste.'],
    ]);
    const fine = { policy: ' P-1 ', incident: '01/06/2024', channel: 'Agence', stray: 'x' };
    expect(customFieldValues(fine, custom)).toEqual({ policy: 'P-1', incident: '2024-06-01', channel: 'Agence' });
  });

  it('reports a reply whose text is not text on its field, without throwing (found by the contract fuzz)', () => {
    const result = () => parse({ action: 'reply_and_close', response: { html: 5 as unknown as string } });
    expect(result).not.toThrow();
    expect(issuesOf(result())).toContainEqual(['response.html', expect.any(String)]);
  });

  it('sees an empty editor as no text', () => {
    expect(htmlHasContent('<p><br></p>')).toBe(false);
    expect(htmlHasContent('<p>&nbsp;</p>')).toBe(false);
    expect(htmlHasContent('<p><img src="cid:logo"></p>')).toBe(true);
    expect(htmlHasContent('<p>Bonjour</p>')).toBe(true);
  });
});
