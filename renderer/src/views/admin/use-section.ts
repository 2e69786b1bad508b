import { computed, onMounted, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useErrorText } from '../../composables/use-error-text';

/**
 * What each administration section does the same way: load its lists on arrival (showing why not
 * if that fails), remember which item of its list is open (`'new'` for the blank form), and say
 * "Enregistré" once the core saved it.
 */
export function useSection<T extends { id: number }>(items: Ref<readonly T[]>, load: () => Promise<void>) {
  const { t } = useI18n();
  const selected = ref<number | 'new' | null>(null);
  const notice = ref('');
  const current = computed(() => (typeof selected.value === 'number' ? (items.value.find((item) => item.id === selected.value) ?? null) : null));
  const { loadError, reload } = useSectionLoad(load);

  function open(id: number | 'new' | null): void {
    selected.value = id;
    notice.value = '';
  }

  function saved(id: number): void {
    selected.value = id;
    notice.value = t('admin.saved');
  }

  function deleted(): void {
    selected.value = null;
    notice.value = t('admin.deleted');
  }

  return { selected, current, loadError, notice, reload, open, saved, deleted };
}

/** Loads a section's lists when it opens; a failure becomes the French sentence the section shows. */
export function useSectionLoad(load: () => Promise<void>) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const loadError = ref('');

  async function reload(): Promise<void> {
    loadError.value = '';
    try {
      await load();
    } catch (cause) {
      loadError.value = `${t('admin.loadFailed')} ${errorText(cause)}`;
    }
  }
  onMounted(reload);

  return { loadError, reload };
}
