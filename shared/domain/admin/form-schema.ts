import { z } from 'zod';
import { mediaSchema } from '../case-state';
import { refuseControlCharacters } from '../text-rules';
import { entityId, nameRule } from './admin-fields';

/** Same list as the `form_fields.type` column (a core test keeps them equal). */
export const formFieldTypes = ['text', 'textarea', 'richtext', 'date', 'phone', 'email', 'select', 'country'] as const;
export const formFieldTypeSchema = z.enum(formFieldTypes);
export type FormFieldType = z.infer<typeof formFieldTypeSchema>;

export const formMessages = {
  nameRequired: 'Le nom du formulaire est obligatoire.',
  nameTaken: 'Un formulaire porte déjà ce nom.',
  labelRequired: 'Le libellé du champ est obligatoire.',
  keyFormat:
    'Clé : une lettre minuscule puis lettres, chiffres ou souligné (50 au plus) ; ' +
    '`contact.…` et `case.…` désignent les champs standard.',
  keyTwice: 'Deux champs ont la même clé.',
  optionsRequired: 'Une liste déroulante a besoin d’au moins un choix.',
  optionsUnused: 'Seule une liste déroulante a des choix.',
  unknownStandardKey: 'Ce champ standard n’existe pas.',
  standardTypeFixed: 'Le type d’un champ standard ne change pas.',
  standardRequiredFixed: 'Ce champ standard est obligatoire.',
  standardFieldMissing: 'Il manque le champ standard obligatoire',
  standardNotDeletable: 'Un formulaire standard ne peut pas être supprimé ; il peut être modifié.',
  standardStaysActive: 'Le formulaire standard d’un média reste actif.',
  standardMediaFixed: 'Le média d’un formulaire standard ne change pas.',
  usedByCases: 'Des dossiers utilisent ce formulaire : désactivez-le plutôt.',
  mediaUsedByCases: 'Des dossiers utilisent ce formulaire : son média ne peut plus changer.',
} as const;

/** A standard field is named after its column (`contact.lastName`); a custom one has no dot. */
const standardKey = /^(contact|case)\.[a-zA-Z]+$/;
const customKey = /^[a-z][a-zA-Z0-9_]{0,49}$/;
export const isStandardKey = (key: string) => standardKey.test(key);

export const formFieldInputSchema = z
  .object({
    key: z
      .string()
      .trim()
      .refine((key) => standardKey.test(key) || customKey.test(key), { error: formMessages.keyFormat }),
    label: nameRule(formMessages.labelRequired),
    type: formFieldTypeSchema,
    required: z.boolean().default(false),
    options: z.array(refuseControlCharacters(z.string().trim().min(1).max(100))).max(200).nullable().default(null),
  })
  .superRefine((field, ctx) => {
    const hasOptions = (field.options?.length ?? 0) > 0;
    // A standard select (civility) takes the product's own choices.
    if (field.type === 'select' && !hasOptions && !isStandardKey(field.key)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: formMessages.optionsRequired });
    }
    if (field.type !== 'select' && hasOptions) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: formMessages.optionsUnused });
    }
  });
export type FormFieldInput = z.output<typeof formFieldInputSchema>;

/** The fields in the order the form shows them: position is the index in the list. */
const formFields = z.object({
  name: nameRule(formMessages.nameRequired),
  media: mediaSchema,
  active: z.boolean().default(true),
  fields: z
    .array(formFieldInputSchema)
    .max(200)
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((field, index) => {
        if (seen.has(field.key)) {
          ctx.addIssue({ code: 'custom', path: [index, 'key'], message: formMessages.keyTwice });
        }
        seen.add(field.key);
      });
    }),
});

export const formCreateSchema = formFields;
export type FormCreateInput = z.input<typeof formCreateSchema>;
export const formUpdateSchema = formFields.extend({ id: entityId });
export type FormUpdateInput = z.input<typeof formUpdateSchema>;
export type FormSettings = z.output<typeof formFields>;

export const formFieldSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  label: z.string(),
  type: formFieldTypeSchema,
  required: z.boolean(),
  options: z.array(z.string()).nullable(),
});

export const formViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  media: mediaSchema,
  standard: z.boolean(),
  active: z.boolean(),
  fields: z.array(formFieldSchema),
});
export type FormView = z.infer<typeof formViewSchema>;
