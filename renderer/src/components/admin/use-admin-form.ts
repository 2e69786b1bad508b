import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { z } from 'zod';
import { fieldsFromIssues } from '../../../../shared/contract/errors';
import { toApiError } from '../../api';
import { useErrorText } from '../../composables/use-error-text';

/**
 * The state every administration form shares: the message of each field (schema path → French text),
 * one alert for the whole form, and whether a call is on its way. `submit` checks the input with the
 * core's own schema first, then maps the core's refusal (`fields`) onto the same inputs.
 */
/** The core parses with zod's French messages: the same check here must word a slip the same way. */
const frenchMessages = z.locales.fr().localeError;

export function useAdminForm() {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const errors = ref<Record<string, string>>({});
  const alert = ref('');
  const busy = ref(false);

  /** Answers `{ value }` once the core accepted, null when the form shows why not. */
  async function run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    errors.value = {};
    alert.value = '';
    busy.value = true;
    try {
      return { value: await work() };
    } catch (cause) {
      const apiError = toApiError(cause);
      errors.value = apiError.fields ?? {};
      alert.value = errorText(apiError);
      return null;
    } finally {
      busy.value = false;
    }
  }

  /** As `run`, once the schema accepted the input: `work` gets it as the schema read it. */
  async function submit<S extends z.ZodType, T>(schema: S, input: unknown, work: (checked: z.output<S>) => Promise<T>) {
    const checked = schema.safeParse(input, { error: frenchMessages });
    if (!checked.success) {
      errors.value = fieldsFromIssues(checked.error.issues);
      alert.value = t('admin.invalid');
      return null;
    }
    return run(() => work(checked.data));
  }

  /** A delete asks first (keyboard-friendly native dialog); a refusal lands in the alert. */
  async function confirmRemove(question: string, work: () => Promise<unknown>): Promise<boolean> {
    if (!window.confirm(question)) return false;
    return (await run(work)) !== null;
  }

  return { errors, alert, busy, run, submit, confirmRemove };
}
