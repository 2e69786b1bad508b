import type { Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { toApiError } from '../api';

/**
 * The text to show for a failure. The core words its messages in French, precisely ("Agent ou mot
 * de passe incorrect."): the French UI shows them as they are; other languages get the translation
 * of the error's code.
 */
export function localizedError(error: unknown, locale: string, translate: (key: string) => string): string {
  const apiError = toApiError(error);
  return locale === 'fr' && apiError.message ? apiError.message : translate(`errors.${apiError.code}`);
}

export interface AttemptOptions {
  /** A refusal naming one of these fields is shown there (its message as the core wrote it). */
  fields?: Record<string, Ref<string>>;
}

/**
 * How every screen shows a failure, in the interface's language. The session's expiry is not
 * handled here: the api's client did it already, whatever the call.
 */
export function useErrorText() {
  const { t, locale } = useI18n();

  /** Read in a template or a computed, it follows a change of language. */
  const errorText = (error: unknown): string => localizedError(error, locale.value, t);

  /**
   * Runs `work` with `shown` (and the named field refs) cleared first; a failure lands in them, as
   * text. Never rejects: answers whether the work went through.
   */
  async function attempt(shown: Ref<string>, work: () => Promise<unknown>, options: AttemptOptions = {}): Promise<boolean> {
    const fields = Object.entries(options.fields ?? {});
    shown.value = '';
    for (const [, field] of fields) field.value = '';
    try {
      await work();
      return true;
    } catch (cause) {
      const apiError = toApiError(cause);
      const named = fields.find(([path]) => apiError.fields?.[path]);
      if (named) named[1].value = apiError.fields?.[named[0]] ?? '';
      else shown.value = errorText(apiError);
      return false;
    }
  }

  return { errorText, attempt };
}
