import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiError } from '../../../shared/contract/errors';
import { contactFormValues, contactUpdateSchema, type ContactCard, type ContactCase, type ContactSummary } from '../../../shared/domain/contact-view';
import { api, toApiError } from '../api';
import { useForm } from '../composables/use-form';
import type { ContactValues } from './creation';

/** The contacts tab: a search, the chosen card (view or edit) and its case history. */
export const useContactsStore = defineStore('contacts', () => {
  const query = ref('');
  const searched = ref('');
  const results = ref<ContactSummary[]>([]);
  const searching = ref(false);
  const error = ref<ApiError | null>(null);
  const card = ref<ContactCard | null>(null);
  const history = ref<ContactCase[]>([]);
  const editing = ref(false);
  const values = ref<ContactValues | null>(null);
  const form = useForm();
  const saved = ref(false);

  async function search(): Promise<void> {
    const q = query.value.trim();
    if (!q) return;
    searching.value = true;
    error.value = null;
    try {
      results.value = await api.contacts.search({ q, limit: 50 });
      searched.value = q;
    } catch (cause) {
      error.value = toApiError(cause);
    } finally {
      searching.value = false;
    }
  }

  async function open(contactId: number): Promise<void> {
    error.value = null;
    editing.value = false;
    saved.value = false;
    try {
      const [loaded, cases] = await Promise.all([api.contacts.get({ contactId }), api.contacts.history({ contactId })]);
      card.value = loaded;
      history.value = cases;
    } catch (cause) {
      error.value = toApiError(cause);
    }
  }

  function startEdit(): void {
    if (!card.value) return;
    values.value = contactFormValues(card.value);
    form.reset();
    saved.value = false;
    editing.value = true;
  }

  function cancelEdit(): void {
    editing.value = false;
    form.reset();
  }

  /** The same rules as the core (shared schema) first; then the core's own verdict on the same fields. */
  async function save(): Promise<boolean> {
    if (!card.value || !values.value || form.busy.value) return false;
    const input = { ...values.value, contactId: card.value.id };
    const sent = await form.submit(contactUpdateSchema({ today: new Date() }), input, () => api.contacts.update(input));
    // The schema stopped it: the fields say why, the card's alert stays as it was.
    if (form.invalid.value) return false;
    error.value = form.refusal.value;
    if (!sent) return false;
    const updated = sent.value;
    card.value = updated;
    // The result line shows some of the card's values: keep it in step with what was saved.
    results.value = results.value.map((line) => (line.id === updated.id ? { ...line, ...updated } : line));
    editing.value = false;
    saved.value = true;
    return true;
  }

  return {
    query, searched, results, searching, error, card, history, editing, values, errors: form.errors, saving: form.busy, saved,
    search, open, startEdit, cancelEdit, save,
  };
});
