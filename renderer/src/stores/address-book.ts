import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ApiError } from '../../../shared/contract/errors';
import { addressBookEntrySchema } from '../../../shared/domain/address-book-schema';
import type { AddressBookEntryView, AddressBookFormat, ExportedFile, ImportReport } from '../../../shared/domain/address-book-view';
import type { Civility } from '../../../shared/domain/field-rules';
import { api, toApiError } from '../api';
import { useForm } from '../composables/use-form';

/** The form's values: every field a string, as the inputs give them. */
export interface EntryValues {
  civility: Civility;
  lastName: string;
  firstName: string;
  email: string;
  organisation: string;
}

/** Enough to scroll through; past it the agent types a few more letters. */
export const shownAtMost = 100;

const blankEntry = (): EntryValues => ({ civility: 'monsieur', lastName: '', firstName: '', email: '', organisation: '' });

const valuesOf = (entry: AddressBookEntryView): EntryValues => ({ ...entry, organisation: entry.organisation ?? '' });

/**
 * The address book (PRODUCT.md "Address book"): the search and its results, the entry being created or
 * edited, the last import's report. The core is the authority; after a write the list is asked again.
 */
export const useAddressBookStore = defineStore('address-book', () => {
  const query = ref('');
  const results = ref<AddressBookEntryView[]>([]);
  /** The query the shown results answer (the field may be ahead of them while a search runs). */
  const searched = ref<string | null>(null);
  const searching = ref(false);
  const error = ref<ApiError | null>(null);
  /** null: no form open; 'new': creating; a number: editing that entry. */
  const editing = ref<'new' | number | null>(null);
  const values = ref<EntryValues>(blankEntry());
  const form = useForm();
  const report = ref<(ImportReport & { fileName: string }) | null>(null);
  const importing = ref(false);
  /** Why the core refused the whole file (unreadable, too big), shown under the file input. */
  const importProblem = ref<string | null>(null);

  /** The page's alert shows it (the form shows field messages on its fields). */
  function fail(cause: unknown): ApiError {
    const apiError = toApiError(cause);
    error.value = apiError;
    return apiError;
  }

  /** Later answers may overtake earlier ones while the agent types: only the last one is shown. */
  let searchTurn = 0;
  async function search(): Promise<void> {
    const turn = ++searchTurn;
    const asked = query.value;
    searching.value = true;
    try {
      const found = await api.addressBook.search({ query: asked, limit: shownAtMost });
      if (turn !== searchTurn) return;
      results.value = found;
      searched.value = asked;
      error.value = null;
    } catch (cause) {
      if (turn === searchTurn) fail(cause);
    } finally {
      if (turn === searchTurn) searching.value = false;
    }
  }

  /** Entries for a picker elsewhere (the composer's recipients): the tab's own search stays as it is. */
  const lookUp = (asked: string): Promise<AddressBookEntryView[]> => api.addressBook.search({ query: asked, limit: 50 });

  function startCreate(): void {
    editing.value = 'new';
    values.value = blankEntry();
    form.reset();
  }

  function startEdit(entry: AddressBookEntryView): void {
    editing.value = entry.id;
    values.value = valuesOf(entry);
    form.reset();
  }

  function closeForm(): void {
    editing.value = null;
    form.reset();
  }

  /** The shared schema first (same words as the core); then the core's verdict on the same fields. */
  async function save(): Promise<boolean> {
    const id = editing.value;
    if (id === null || form.busy.value) return false;
    const entry = values.value;
    const sent = await form.submit(addressBookEntrySchema, entry, () =>
      id === 'new' ? api.addressBook.create(entry) : api.addressBook.update({ ...entry, id }),
    );
    // The schema stopped it: the fields say why, the alert stays as it was.
    if (form.invalid.value) return false;
    error.value = form.refusal.value;
    if (!sent) return false;
    closeForm();
    await search();
    return true;
  }

  async function remove(id: number): Promise<void> {
    try {
      await api.addressBook.delete({ id });
      if (editing.value === id) closeForm();
      error.value = null;
      await search();
    } catch (cause) {
      fail(cause);
    }
  }

  async function importFile(format: AddressBookFormat, fileName: string, content: string): Promise<void> {
    importing.value = true;
    report.value = null;
    importProblem.value = null;
    try {
      report.value = { ...(await api.addressBook.importFile({ format, fileName, content })), fileName };
      error.value = null;
      await search();
    } catch (cause) {
      const apiError = fail(cause);
      importProblem.value = apiError.fields?.content ?? null;
      if (importProblem.value) error.value = null;
    } finally {
      importing.value = false;
    }
  }

  async function exportFile(format: AddressBookFormat): Promise<ExportedFile | null> {
    try {
      return await api.addressBook.exportFile({ format });
    } catch (cause) {
      fail(cause);
      return null;
    }
  }

  return {
    query, results, searched, searching, error, editing, values, errors: form.errors, saving: form.busy, report, importing, importProblem,
    search, lookUp, startCreate, startEdit, closeForm, save, remove, importFile, exportFile,
  };
});
