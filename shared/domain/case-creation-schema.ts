import { z } from 'zod';
import type { FormFieldType } from './admin/form-schema';
import { stagedAttachmentSchema } from './attachment';
import { caseActions, type CaseAction } from './case-actions';
import { commandRefusal } from './case-refusals';
import type { Media } from './case-state';
import { transitions } from './case-transitions';
import { contactSchema, type Contact, type ContactInput } from './contact-schema';
import {
  countryRule,
  emailMessages,
  frenchDateRule,
  optionalEmail,
  optionalField,
  optionalMultiLineText,
  optionalText,
  phoneRule,
  requiredText,
} from './field-rules';
import { maxReplyHtml, replyInputSchema } from './reply';

/**
 * The case creation form (seed "Créer un dossier"), shared by the renderer's form and the core.
 * A factory: birth dates are judged against `today`, and the cross-field rules need the form and
 * queue lists the agent chose from (`creation.options` gives them; the core rebuilds them from the
 * database, so both sides refuse the same values with the same words and on the same fields).
 */

/** The actions the creation form offers: those the case machine allows from 'creation'. */
export const creationActions = caseActions.filter((action) => transitions[action].from.includes('creation'));

export interface CreationField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: string[] | null;
}

/** What the cross-field rules look up: `creation.options` has this shape. */
export interface CreationCatalogue {
  forms: readonly { id: number; media: Media; fields: readonly CreationField[] }[];
  /** The queues the agent may file into, and the creation actions each allows. */
  queues: readonly { id: number; media: Media; actions: readonly CaseAction[] }[];
}

export const creationMessages = {
  form: 'Choisissez un formulaire.',
  queue: 'Choisissez une file.',
  queueMedia: 'Choisissez une file du même média que le formulaire.',
  subject: "L'objet est obligatoire.",
  question: 'La question est obligatoire.',
  action: 'Choisissez une action.',
  actionNotOffered: "Cette action n'est pas proposée pour cette file.",
  fieldRequired: 'Ce champ est obligatoire.',
  notInList: 'Choisissez une valeur dans la liste.',
} as const;

const id = (message: string) => z.number({ error: message }).int({ error: message }).positive({ error: message });

/** Rich text the agent typed: is there anything in it beyond an empty editor's `<p><br></p>`? */
export const htmlHasContent = (html: string): boolean =>
  /<img\b/i.test(html) || html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\u00a0/g, ' ').trim() !== '';

const richText = (message: string) =>
  z.string({ error: message }).max(maxReplyHtml, { error: 'Le texte est trop long.' }).refine(htmlHasContent, { error: message });

/**
 * Who the case is for: `{ existingContactId }` alone takes the card as it is; the contact fields
 * alone create a card; both update that card with the form's values (the form comes pre-filled
 * from it, and what the agent corrected is saved with the case). Not a zod union: a union reports
 * an invalid contact as one issue on `contact` rather than one per field.
 */
export type ContactChoiceInput = { existingContactId: number } | (ContactInput & { existingContactId?: number });
export interface ContactChoice {
  existingContactId: number | null;
  /** Null: the existing card is kept as it is. */
  fields: Contact | null;
}

function contactChoice(today: Date) {
  const existingOnly = z.object({ existingContactId: id('Contact invalide.') });
  const withFields = contactSchema({ today }).extend({ existingContactId: id('Contact invalide.').optional() });
  return z
    .custom<ContactChoiceInput>((value) => typeof value === 'object' && value !== null, { error: 'Identifiez le contact.' })
    .transform((value, ctx): ContactChoice => {
      const chosen = (value as { existingContactId?: unknown }).existingContactId !== undefined;
      const idOnly = chosen && Object.entries(value).every(([key, v]) => key === 'existingContactId' || v === undefined);
      const parsed = (idOnly ? existingOnly : withFields).safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: value });
        // The parse fails anyway; the raw values let the cross-field rules still say what else is missing.
        return { existingContactId: null, fields: idOnly ? null : (value as Contact) };
      }
      const { existingContactId, ...fields } = parsed.data as { existingContactId?: number } & Contact;
      return { existingContactId: existingContactId ?? null, fields: idOnly ? null : fields };
    });
}

/** A custom field of the form (key without a dot), by its type; values stay text in `case_fields`. */
function customFieldRule(field: CreationField) {
  const inList = z.string().trim().refine((v) => (field.options ?? []).includes(v), { error: creationMessages.notInList });
  const rules: Record<FormFieldType, z.ZodType<string | undefined, string | undefined>> = {
    date: optionalField(frenchDateRule()),
    phone: phoneRule,
    email: optionalEmail,
    country: countryRule,
    select: optionalField(inList),
    text: optionalText(1000),
    textarea: optionalMultiLineText(5000),
    richtext: optionalMultiLineText(maxReplyHtml),
  };
  return rules[field.type];
}

function creationFields(today: Date) {
  return z.object({
    formId: id(creationMessages.form),
    queueId: id(creationMessages.queue),
    contact: contactChoice(today),
    /** Custom fields of the form, by key; the standard ones are the contact's and the case's own. */
    fields: z.record(z.string(), z.string().max(maxReplyHtml)).default({}),
    subject: requiredText(creationMessages.subject, 250),
    question: richText(creationMessages.question),
    requestAttachments: z.array(stagedAttachmentSchema).max(50, { error: '50 pièces jointes au maximum.' }).default([]),
    qualificationId: id('Qualification invalide.').nullable().default(null),
    notepad: optionalMultiLineText(5000),
    /** The reply; `to` absent means the contact's address. Only read by the reply actions. */
    response: replyInputSchema.default({ cc: [], bcc: [], html: '', attachments: [] }),
    action: z.enum(creationActions as [CaseAction, ...CaseAction[]], { error: creationMessages.action }),
    targetAgentId: id("Choisissez l'agent à qui confier le dossier.").optional(),
  });
}
export type CaseCreationInput = z.input<ReturnType<typeof creationFields>>;
export type CaseCreation = z.output<ReturnType<typeof creationFields>>;

export function caseCreationSchema({ today, catalogue }: { today: Date; catalogue: CreationCatalogue }) {
  return creationFields(today).superRefine((input, ctx) => checkAcrossFields(input, ctx, catalogue), {
    // Run even when some field is wrong, so the form shows every mistake at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });
}

/** Read defensively: with `when`, this also runs on a value whose fields failed their own rules. */
function checkAcrossFields(input: CaseCreation, ctx: z.RefinementCtx, catalogue: CreationCatalogue): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const form = catalogue.forms.find((f) => f.id === input.formId);
  const queue = catalogue.queues.find((q) => q.id === input.queueId);
  if (typeof input.formId === 'number' && !form) issue(['formId'], creationMessages.form);
  if (typeof input.queueId === 'number' && !queue) issue(['queueId'], creationMessages.queue);
  if (form && queue && form.media !== queue.media) issue(['queueId'], creationMessages.queueMedia);
  const fields = input.contact?.fields;
  // An existing card kept as it is: the core checks its address (the form does not have it).
  const emailMissing = queue?.media === 'email' && fields && !fields.email;
  if (emailMissing) issue(['contact', 'email'], emailMessages.requiredForEmailQueue);
  if (form) checkFormFields(input, form.fields, issue);
  const action = input.action;
  if (!creationActions.includes(action)) return;
  if (queue && !queue.actions.includes(action)) issue(['action'], creationMessages.actionNotOffered);
  const needs = transitions[action].needs;
  if (needs.includes('needs_target_agent') && input.targetAgentId === undefined) {
    issue(['targetAgentId'], commandRefusal('needs_target_agent', action).message);
  }
  // With `when`, `response` may be whatever was sent: only text can hold a reply.
  const html: unknown = input.response?.html;
  if (needs.includes('needs_reply') && !(typeof html === 'string' && htmlHasContent(html))) {
    issue(['response', 'html'], commandRefusal('needs_reply', action).message);
  }
  const recipient = input.response?.to?.address ?? fields?.email;
  if (needs.includes('needs_recipient') && fields && !recipient && !emailMissing) {
    issue(['contact', 'email'], commandRefusal('needs_recipient', action).message);
  }
}

type Issue = (path: (string | number)[], message: string) => void;

/** Contact fields the contact schema already requires or defaults (and says so in its own words). */
const filledBySchema = new Set(['civility', 'lastName', 'firstName']);

/**
 * The administrator's form: its custom fields by type, and "required" on any field, standard ones
 * included (a custom form may require the city). Standard fields of an existing card kept as it
 * is are not in the input: the card was valid when saved.
 */
function checkFormFields(input: CaseCreation, fields: readonly CreationField[], issue: Issue): void {
  const contact = input.contact?.fields as Record<string, unknown> | null | undefined;
  for (const field of fields) {
    const [scope, name] = field.key.split('.');
    if (scope === 'case' || (scope === 'contact' && (!contact || filledBySchema.has(name ?? '')))) continue;
    const value = name === undefined ? input.fields?.[field.key] : contact?.[name];
    const blank = value === undefined || value === null || (typeof value === 'string' && !value.trim());
    if (field.required && blank) issue(name === undefined ? ['fields', field.key] : ['contact', name], creationMessages.fieldRequired);
    if (name !== undefined || blank) continue;
    const checked = customFieldRule(field).safeParse(value);
    if (!checked.success) issue(['fields', field.key], checked.error.issues[0]?.message ?? creationMessages.fieldRequired);
  }
}

/** Custom field values as stored: blanks dropped, dates ISO (the same rules as the check above). */
export function customFieldValues(values: Record<string, string>, fields: readonly CreationField[]): Record<string, string> {
  const stored: Record<string, string> = {};
  for (const field of fields) {
    if (field.key.includes('.')) continue;
    const parsed = customFieldRule(field).safeParse(values[field.key]);
    if (parsed.success && parsed.data !== undefined) stored[field.key] = parsed.data;
  }
  return stored;
}
