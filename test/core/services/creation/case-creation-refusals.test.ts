import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCreationInput } from '../../../../shared/domain/case-creation-schema';
import type { ContactInput } from '../../../../shared/domain/contact-schema';
import { refusal } from '../admin/demo-core';
import { newCase, startCreationCentre, type CreationCentre } from './creation-fixture';

let centre: CreationCentre;

beforeAll(async () => {
  centre = await startCreationCentre();
});
afterAll(() => centre.dispose());

const phoneFormat = expect.stringMatching(/^Saisissez uniquement des chiffres, sans espace/);
const someone: ContactInput = { lastName: 'Martin', firstName: 'Paul', email: 'paul.martin@example.org' };

/** The refusal of a submission, and proof that the database is exactly as before. */
async function refused(input: CaseCreationInput) {
  const before = centre.demo.dump();
  const error = await refusal(centre.camille.creation.submit(input));
  expect(centre.demo.dump()).toEqual(before);
  return error;
}

describe('creation.submit refuses the seed rules on their field, writing nothing', () => {
  it.each<[string, Partial<CaseCreationInput>, Record<string, unknown>]>([
    ['missing names', { contact: { ...someone, lastName: ' ', firstName: '' } }, {
      'contact.lastName': 'Le nom est obligatoire.',
      'contact.firstName': 'Le prénom est obligatoire.',
    }],
    ['a phone with spaces', { contact: { ...someone, mobile: '06 12 34 56 78' } }, { 'contact.mobile': phoneFormat }],
    ['a phone with +', { contact: { ...someone, landline: '+33145000000' } }, { 'contact.landline': 'Remplacez le + par 00 (ex. 0033…).' }],
    ['31/02/1990', { contact: { ...someone, birthDate: '31/02/1990' } }, { 'contact.birthDate': "Cette date n'existe pas." }],
    // The core's clock says 14/03/2025.
    ['a future birth date', { contact: { ...someone, birthDate: '15/03/2025' } }, {
      'contact.birthDate': 'La date de naissance doit être dans le passé.',
    }],
    ['an invalid e-mail', { contact: { ...someone, email: 'paul.martin@' } }, { 'contact.email': 'Adresse e-mail invalide.' }],
    ['no e-mail on an e-mail queue', { contact: { lastName: 'Martin', firstName: 'Paul' } }, {
      'contact.email': "L'adresse e-mail est obligatoire pour une file e-mail.",
    }],
    ['a queue of another media', { formId: -1, queueId: -2 }, {
      queueId: 'Choisissez une file du même média que le formulaire.',
    }],
    ['no subject, no question', { subject: '', question: '<p><br></p>' }, {
      subject: "L'objet est obligatoire.",
      question: 'La question est obligatoire.',
    }],
    ['a question that is only markup', { question: '<script>alert(1)</script><img src="https://x.example/p.png">' }, {
      question: 'La question est obligatoire.',
    }],
    ['a reply without its text', { action: 'reply_and_close', response: { html: '<p> </p>' } }, {
      'response.html': "Rédigez la réponse : l'action « Répondre et clore » en a besoin.",
    }],
    ['another agent not named', { action: 'assign_to_agent' }, { targetAgentId: "Choisissez l'agent à qui confier le dossier." }],
    ['an agent who handles no case', { action: 'assign_to_agent', targetAgentId: 4 }, {
      targetAgentId: 'Cet agent n’existe pas, est désactivé ou ne traite pas de dossiers.',
    }],
    ['a qualification outside the tree', { qualificationId: 9999 }, { qualificationId: 'Choisissez une qualification dans la liste.' }],
    ['a queue Camille does not belong to', { queueId: -3 }, { queueId: 'Choisissez une file.' }],
    ['an action the queue does not offer', { formId: -1, queueId: -4, action: 'reply_keep_open', response: { html: '<p>R</p>' } }, {
      action: "Cette action n'est pas proposée pour cette file.",
    }],
    ['an unknown card', { contact: { existingContactId: 9999 } }, { 'contact.existingContactId': "Ce contact n'existe pas." }],
  ])('%s', async (_name, changes, fields) => {
    const error = await refused(newCase(centre, resolveIds(changes)));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual(fields);
  });

  it('refuses a card without e-mail taken as it is on an e-mail queue', async () => {
    const [fontaine] = await centre.camille.contacts.search({ q: 'Fontaine' });
    const error = await refused(newCase(centre, { contact: { existingContactId: fontaine?.id as number } }));
    expect(error.fields).toEqual({ 'contact.email': expect.stringMatching(/^L'adresse e-mail est obligatoire pour une file e-mail\./) });
  });

  it('refuses a staged file that is not stored', async () => {
    const ghost = { sha256: 'a'.repeat(64), size: 3, mediaType: 'text/plain', displayName: 'fantome.txt' };
    const error = await refused(newCase(centre, { requestAttachments: [ghost] }));
    expect(error.message).toContain('fantome.txt');
  });
});

/** Placeholders for ids known only once the centre is set up: -1 letter form, -2/-4 the letter queue, -3 Réclamations. */
function resolveIds(changes: Partial<CaseCreationInput>): Partial<CaseCreationInput> {
  const complaints = 2;
  const ids: Record<number, number> = { [-1]: centre.ids.letterForm, [-2]: centre.ids.letters, [-3]: complaints, [-4]: centre.ids.letters };
  const resolved = { ...changes };
  if (changes.formId !== undefined) resolved.formId = ids[changes.formId] ?? changes.formId;
  if (changes.queueId !== undefined) resolved.queueId = ids[changes.queueId] ?? changes.queueId;
  if (changes.queueId === -2) resolved.formId = centre.ids.emailForm;
  return resolved;
}

describe('creation.submit and the recipient', () => {
  it('lets only agents with the right send the reply elsewhere than to the contact', async () => {
    const response = { html: '<p>Réponse</p>', to: { address: 'ailleurs@example.org' } };
    const error = await refused(newCase(centre, { action: 'reply_and_close', response }));
    expect(error.code).toBe('forbidden');
    expect(error.fields).toEqual({ 'response.to.address': error.message });
  });
});

describe('creation.submit and the address book', () => {
  it('refuses a new contact whose address another card has, pointing to that card', async () => {
    const [dupont] = await centre.camille.contacts.search({ q: 'jean.dupont@example.com' });
    const error = await refused(newCase(centre, { contact: { ...someone, email: 'Jean.DUPONT@example.com' } }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Jean Dupont');
    expect(error.fields).toEqual({ 'contact.email': error.message });
    expect(error.details).toEqual({ existingContactId: dupont?.id });
  });
});

describe('creation.submit is all or nothing', () => {
  it('leaves no contact behind when the case cannot be written', async () => {
    const { core } = centre.demo;
    // A crash between the contact and the case: the case insert fails, as a duplicate number would.
    core.db.sqlite.exec(`CREATE TEMP TRIGGER fail_case BEFORE INSERT ON cases BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: cases.number'); END`);
    try {
      const before = centre.demo.dump();
      const error = await refusal(centre.camille.creation.submit(newCase(centre, { contact: { ...someone, email: 'panne@example.org' } })));
      expect(error.code).toBe('internal');
      expect(centre.demo.dump()).toEqual(before);
      expect(await centre.camille.contacts.checkEmail({ email: 'panne@example.org' })).toBeNull();
    } finally {
      core.db.sqlite.exec('DROP TRIGGER fail_case');
    }
  });

  it('refuses an administrator, who handles no case', async () => {
    const admin = await centre.demo.as('Admin Unified');
    expect((await refusal(admin.creation.options())).code).toBe('forbidden');
    expect((await refusal(admin.creation.submit(newCase(centre)))).code).toBe('forbidden');
  });
});
