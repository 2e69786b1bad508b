import type { Media } from '../../../shared/domain/case-state';
import type { Database } from '../db/database';
import { civilities, formFields, forms, type FormFieldType } from '../db/schema';

export interface StandardField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
}

type FieldSpec = [key: string, label: string, type: FormFieldType, required?: boolean];

/** Seed "Créer un dossier": the standard form's fields, in the order the page lists them. */
const fields: readonly FieldSpec[] = [
  ['contact.civility', 'Civilité', 'select', true],
  ['contact.lastName', 'Nom', 'text', true],
  ['contact.firstName', 'Prénom', 'text', true],
  ['contact.company', 'Société', 'text'],
  ['contact.street', 'Numéro / Rue', 'text'],
  ['contact.lieuDit', 'Lieu-dit', 'text'],
  ['contact.residence', 'Résidence', 'text'],
  ['contact.building', 'Immeuble / Bâtiment', 'text'],
  ['contact.postalCode', 'Code postal', 'text'],
  ['contact.city', 'Ville', 'text'],
  ['contact.country', 'Pays', 'country'],
  ['contact.birthDate', 'Date de naissance', 'date'],
  ['contact.mobile', 'Téléphone mobile', 'phone'],
  ['contact.landline', 'Téléphone fixe', 'phone'],
  ['contact.otherPhone', 'Autre téléphone', 'phone'],
  ['contact.fax', 'Fax', 'phone'],
  ['contact.email', 'Adresse e-mail', 'email'],
  ['contact.missingDocumentDate', 'Date réception pièce manquante', 'date'],
  ['contact.contactIdentifier', 'Identifiant contact', 'text'],
  ['contact.contractNumber', 'Numéro de contrat', 'text'],
  ['contact.subscriberReference', 'Référence abonné', 'text'],
  ['contact.orderNumber', 'Numéro de commande', 'text'],
  ['contact.comment', 'Commentaire', 'textarea'],
  ['case.subject', 'Objet', 'text', true],
  ['case.question', 'Question', 'richtext', true],
];

/**
 * The fields of a media's standard form. The e-mail address is required only when the media is
 * e-mail (seed: "obligatoire si la file choisie concerne le média e-mail").
 */
export function standardFormFields(media: Media): StandardField[] {
  return fields.map(([key, label, type, required = false]) => ({
    key,
    label,
    type,
    required: required || (key === 'contact.email' && media === 'email'),
    ...(key === 'contact.civility' ? { options: [...civilities] } : {}),
  }));
}

/** One standard form per media (seed "Créer un dossier"), in every centre, the demo's as a new one's. */
export const standardForms: readonly { name: string; media: Media }[] = [
  { name: 'E-mail', media: 'email' },
  { name: 'Courrier', media: 'letter' },
  { name: 'Téléphone', media: 'phone' },
];

/** Writes the standard forms and their fields, in the caller's transaction; their ids by media. */
export function insertStandardForms(orm: Database['orm']): Record<Media, number> {
  const ids = {} as Record<Media, number>;
  for (const form of standardForms) {
    const formId = orm.insert(forms).values({ ...form, standard: true }).returning({ id: forms.id }).get().id;
    const fields = standardFormFields(form.media).map((field, position) => ({ ...field, formId, position }));
    orm.insert(formFields).values(fields).run();
    ids[form.media] = formId;
  }
  return ids;
}
