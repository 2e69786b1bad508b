import type { Api } from '../../../../shared/contract';
import type { CreationOptions } from '../../../../shared/contract/calls/creation';
import type { CaseCreationInput } from '../../../../shared/domain/case-creation-schema';
import type { ContactInput } from '../../../../shared/domain/contact-schema';
import { standardFormFields } from '../../../../electron/core/demo/standard-form';
import { startDemoCore, type DemoCore } from '../admin/demo-core';

export interface CreationCentre {
  demo: DemoCore;
  camille: Api;
  lucas: Api;
  /** Camille's creation form lists. */
  options: CreationOptions;
  ids: { emailForm: number; letterForm: number; claimForm: number; service: number; letters: number; lucas: number };
  dispose(): void;
}

/**
 * The demo centre (its mailbox is the default one replies leave from), plus what case creation
 * needs beyond it: a letter queue (push) Camille belongs to, and a custom e-mail form "Sinistre" that requires the city and
 * has custom fields. Set up through the administrator's calls, as a centre would be.
 */
export async function startCreationCentre(): Promise<CreationCentre> {
  const demo = startDemoCore();
  const [camille, lucas, admin] = await Promise.all([
    demo.as('Camille Martin'),
    demo.as('Lucas Bernard'),
    demo.as('Admin Unified'),
  ]);
  const people = await camille.session.agents();
  const idOf = (name: string) => people.find((p) => p.displayName === name)?.id as number;
  await admin.admin.createQueue({ name: 'Courrier', media: 'letter', distribution: 'push', memberIds: [idOf('Camille Martin')] });
  await admin.admin.createForm({ name: 'Sinistre', media: 'email', fields: claimFormFields() });
  const options = await camille.creation.options();
  const form = (name: string) => options.forms.find((f) => f.name === name)?.id as number;
  const queue = (name: string) => options.queues.find((q) => q.name === name)?.id as number;
  return {
    demo,
    camille,
    lucas,
    options,
    ids: {
      emailForm: form('E-mail'),
      letterForm: form('Courrier'),
      claimForm: form('Sinistre'),
      service: queue('Service clients'),
      letters: queue('Courrier'),
      lucas: idOf('Lucas Bernard'),
    },
    dispose: () => demo.dispose(),
  };
}

function claimFormFields() {
  const standard = standardFormFields('email').map(({ key, label, type, required }) => ({
    key,
    label,
    type,
    required: required || key === 'contact.city',
  }));
  return [
    ...standard,
    { key: 'policyNumber', label: 'N° de police', type: 'text' as const, required: true },
    { key: 'incidentDate', label: 'Date du sinistre', type: 'date' as const },
    { key: 'channel', label: 'Canal', type: 'select' as const, options: ['Agence', 'Internet'] },
    { key: 'details', label: 'Circonstances', type: 'richtext' as const },
  ];
}

/** A new contact with every field of the seed filled in. */
export const everyContactField: ContactInput = {
  civility: 'madame',
  lastName: 'Lemoine',
  firstName: 'Agathe',
  company: 'Lemoine Conseil',
  street: '18 rue des Halles',
  lieuDit: 'Le Clos',
  residence: 'Les Jardins',
  building: 'Bâtiment A',
  postalCode: '37000',
  city: 'Tours',
  country: 'FR',
  birthDate: '21/09/1984',
  mobile: '0612121212',
  landline: '0247000000',
  otherPhone: '00441632960001',
  fax: '0247000001',
  email: 'Agathe.Lemoine@Example.net',
  missingDocumentDate: '12/03/2025',
  contactIdentifier: 'ID-5150',
  contractNumber: 'CT-2025-00777',
  subscriberReference: 'AB-700700',
  orderNumber: 'CMD-990011',
  comment: 'Joignable après 18 h.',
};

/** A valid submission for a new contact, filed in Service clients and taken by its author. */
export function newCase(centre: CreationCentre, changes: Partial<CaseCreationInput> = {}): CaseCreationInput {
  return {
    formId: centre.ids.emailForm,
    queueId: centre.ids.service,
    contact: { lastName: 'Martin', firstName: 'Paul', email: 'paul.martin@example.org' },
    subject: 'Demande de rappel',
    question: '<p>Pouvez-vous me rappeler ?</p>',
    action: 'assign_to_me',
    ...changes,
  };
}
