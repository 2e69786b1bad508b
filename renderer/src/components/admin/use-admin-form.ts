import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useErrorText } from '../../composables/use-error-text';
import { useForm } from '../../composables/use-form';

/**
 * An administration form: the shared form (schema first, then the core's `fields` on the same
 * inputs) with one alert for the whole form, and deletes that ask first.
 */
export function useAdminForm() {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const form = useForm();

  /** Computed: it follows a change of language while shown. */
  const alert = computed(() => {
    if (form.invalid.value) return t('admin.invalid');
    return form.refusal.value ? errorText(form.refusal.value) : '';
  });

  /** A delete asks first (keyboard-friendly native dialog); a refusal lands in the alert. */
  async function confirmRemove(question: string, work: () => Promise<unknown>): Promise<boolean> {
    if (!window.confirm(question)) return false;
    return (await form.run(work)) !== null;
  }

  return { ...form, alert, confirmRemove };
}
