import { defineStore } from 'pinia';
import { computed, reactive, ref, watch } from 'vue';
import type { CreationOptions, CreationResult } from '../../../shared/contract/calls/creation';
import type { ApiError } from '../../../shared/contract/errors';
import type { CaseAction } from '../../../shared/domain/case-actions';
import { caseCreationSchema, type CaseCreationInput } from '../../../shared/domain/case-creation-schema';
import type { ContactInput } from '../../../shared/domain/contact-schema';
import { contactFormValues, type ContactCard } from '../../../shared/domain/contact-view';
import type { StagedAttachment } from '../../../shared/domain/attachment';
import { civilityLabels } from '../../../shared/domain/field-rules';
import { fillKnownPlaceholders, templateBody } from '../components/creation/template-for-contact';
import type { UploadProgress } from '../../../shared/contract/upload-file';
import { api, toApiError } from '../api';
import { useForm } from '../composables/use-form';
import { uploadChosenFile } from '../file-upload';
import { useSessionStore } from './session';

export type ContactValues = Required<ContactInput>;

/** What the agent typed; kept in the store so a failed send, or leaving the tab, loses nothing. */
export interface CreationDraft {
  formId: number | null;
  queueId: number | null;
  existingContactId: number | null;
  contact: ContactValues;
  /** The custom form's own fields, by key. */
  fields: Record<string, string>;
  subject: string;
  question: string;
  requestAttachments: StagedAttachment[];
  qualificationId: number | null;
  notepad: string;
  response: string;
  responseAttachments: StagedAttachment[];
  action: CaseAction | null;
  targetAgentId: number | null;
}

const emailCheckDelayMs = 400;

function blankContact(country: string): ContactValues {
  return contactFormValues({
    id: 0, civility: 'monsieur', lastName: '', firstName: '', company: null, street: null, lieuDit: null,
    residence: null, building: null, postalCode: null, city: null, country, birthDate: null, mobile: null,
    landline: null, otherPhone: null, fax: null, email: null, missingDocumentDate: null, contactIdentifier: null,
    contractNumber: null, subscriberReference: null, orderNumber: null, comment: null, createdAt: '', updatedAt: '',
  });
}

function blankDraft(country: string): CreationDraft {
  return {
    formId: null,
    queueId: null,
    existingContactId: null,
    contact: blankContact(country),
    fields: {},
    subject: '',
    question: '',
    requestAttachments: [],
    qualificationId: null,
    notepad: '',
    response: '',
    responseAttachments: [],
    action: null,
    targetAgentId: null,
  };
}

/** The case creation tab (seed "Créer un dossier"): its options, the draft, its errors, the send. */
export const useCreationStore = defineStore('creation', () => {
  const options = ref<CreationOptions | null>(null);
  const loadError = ref<ApiError | null>(null);
  const draft = reactive<CreationDraft>(blankDraft('FR'));
  /** Its `errors`: schema path (`contact.lastName`) → message, from the shared schema or the core. */
  const submission = useForm();
  const sendError = ref<ApiError | null>(null);
  /** The seed's success message, shown by the header once the case's desk is open. */
  const flash = ref('');
  /** The card that already has the typed address, if any. */
  const emailOwner = ref<ContactCard | null>(null);

  // Another agent may sign in next on this window: nothing of the previous one's draft stays.
  const session = useSessionStore();
  watch(
    () => session.agent?.id,
    () => {
      options.value = null;
      flash.value = '';
      reset();
    },
  );

  const form = computed(() => options.value?.forms.find((f) => f.id === draft.formId) ?? null);
  /** Seed: only the queues of the chosen form's media are offered. */
  const queues = computed(() => (form.value ? (options.value?.queues ?? []).filter((q) => q.media === form.value?.media) : []));
  const queue = computed(() => queues.value.find((q) => q.id === draft.queueId) ?? null);
  const actions = computed<CaseAction[]>(() => queue.value?.actions ?? []);

  async function load(): Promise<void> {
    loadError.value = null;
    try {
      const loaded = await api.creation.options();
      const untouched = !options.value;
      options.value = loaded;
      if (untouched && !draft.existingContactId) draft.contact.country = loaded.defaultCountry;
    } catch (cause) {
      loadError.value = toApiError(cause);
    }
  }

  // A queue or an action the new choice no longer offers must not be sent behind the agent's back.
  watch(queues, (offered) => {
    if (draft.queueId !== null && !offered.some((q) => q.id === draft.queueId)) draft.queueId = null;
  });
  watch(actions, (offered) => {
    if (draft.action !== null && !offered.includes(draft.action)) draft.action = null;
  });

  let emailTimer: ReturnType<typeof setTimeout> | undefined;
  let emailAsked = '';
  watch(
    () => draft.contact.email,
    (email) => {
      clearTimeout(emailTimer);
      emailOwner.value = null;
      const typed = email.trim();
      if (!typed.includes('@')) return;
      emailTimer = setTimeout(() => void checkEmail(typed), emailCheckDelayMs);
    },
  );

  async function checkEmail(email: string): Promise<void> {
    emailAsked = email;
    try {
      const owner = await api.contacts.checkEmail({ email, exceptContactId: draft.existingContactId ?? undefined });
      if (emailAsked === email) emailOwner.value = owner;
    } catch {
      // Only a warning: the core refuses a duplicate address on send anyway.
    }
  }

  /** Pre-fills the contact part from a card: the case goes to that contact, no second card. */
  function useContact(card: ContactCard): void {
    draft.existingContactId = card.id;
    Object.assign(draft.contact, contactFormValues(card));
    emailOwner.value = null;
    submission.clear('contact.');
  }

  async function startFromContact(contactId: number): Promise<void> {
    if (draft.existingContactId === contactId) return;
    try {
      useContact(await api.contacts.get({ contactId }));
    } catch (cause) {
      sendError.value = toApiError(cause);
    }
  }

  async function showOwner(contactId: number): Promise<void> {
    try {
      emailOwner.value = await api.contacts.get({ contactId });
    } catch {
      // The refusal's message on the e-mail field already says what is wrong.
    }
  }

  function toInput(): CaseCreationInput {
    const contact = draft.existingContactId ? { ...draft.contact, existingContactId: draft.existingContactId } : { ...draft.contact };
    return {
      // 0 and '' are "not chosen": the schema answers with its own message on the field.
      formId: draft.formId ?? 0,
      queueId: draft.queueId ?? 0,
      contact: contact as CaseCreationInput['contact'],
      fields: { ...draft.fields },
      subject: draft.subject,
      question: draft.question,
      requestAttachments: draft.requestAttachments,
      qualificationId: draft.qualificationId,
      notepad: draft.notepad,
      response: { cc: [], bcc: [], html: draft.response, attachments: draft.responseAttachments },
      action: (draft.action ?? '') as CaseAction,
      ...(draft.action === 'assign_to_agent' && draft.targetAgentId !== null ? { targetAgentId: draft.targetAgentId } : {}),
    };
  }

  /** Checks with the shared schema, then sends; the draft stays as typed unless the case was created. */
  async function submit(): Promise<CreationResult | null> {
    if (!options.value || submission.busy.value) return null;
    sendError.value = null;
    flash.value = '';
    const input = toInput();
    const sent = await submission.submit(caseCreationSchema({ today: new Date(), catalogue: options.value }), input, () => api.creation.submit(input));
    if (!sent) {
      sendError.value = submission.refusal.value;
      // An address another card has: offer that card, as the warning under the e-mail does.
      const ownerId = submission.refusal.value?.details?.existingContactId;
      if (ownerId) void showOwner(ownerId);
      return null;
    }
    flash.value = sent.value.message;
    reset();
    return sent.value;
  }

  /** "Insérer une réponse type": the template filled for the contact being typed and the agent. */
  async function templateHtml(templateId: number): Promise<string> {
    const body = templateBody(await api.templates.tree(), templateId) ?? '';
    const { civility, lastName, firstName } = draft.contact;
    return fillKnownPlaceholders(body, {
      'contact.civility': civilityLabels[civility],
      'contact.lastName': lastName,
      'contact.firstName': firstName,
      'agent.name': session.agent?.displayName ?? '',
    });
  }

  /** A file joined to the request or the answer: stored in the core first, referred to by SHA-256. */
  const upload = (file: File, onProgress?: UploadProgress): Promise<StagedAttachment> => uploadChosenFile(file, onProgress);

  /** Appended to what the agent already wrote, as the composer does. */
  function insertResponse(html: string): void {
    draft.response = draft.response ? `${draft.response}${html}` : html;
  }

  function reset(): void {
    Object.assign(draft, blankDraft(options.value?.defaultCountry ?? 'FR'));
    submission.reset();
    sendError.value = null;
    emailOwner.value = null;
  }

  return {
    options, loadError, draft, errors: submission.errors, sendError, sending: submission.busy, flash, emailOwner, form, queues, queue, actions,
    load, useContact, startFromContact, clearErrors: submission.clear, submit, reset, templateHtml, insertResponse, upload,
  };
});
