import { ref } from 'vue';
import type { z } from 'zod';
import { fieldsFromIssues, type ApiError } from '../../../shared/contract/errors';
import { toApiError } from '../api';

/**
 * What every form does the same way: the shared zod schema first (the core applies the very same,
 * so a slip is said before any call, in the same words, on the same field), then the call, whose
 * refusal lands on the same inputs (`fields`, keyed by the schema's paths). zod's own messages
 * follow the interface's language (`i18n/zod-locale.ts`); the schemas' own sentences are French.
 * Plain refs, no component API: a store may hold a form as well as a component.
 */
export function useForm() {
  /** Field path (`contact.birthDate`) → the message shown on that input. */
  const errors = ref<Record<string, string>>({});
  /** The core's refusal of the last send; null once it went through, or when the schema stopped it. */
  const refusal = ref<ApiError | null>(null);
  /** The schema stopped the last send: nothing left for the core. */
  const invalid = ref(false);
  const busy = ref(false);

  function settle(fields: Record<string, string>, apiError: ApiError | null, stopped: boolean): void {
    errors.value = fields;
    refusal.value = apiError;
    invalid.value = stopped;
  }

  /** Sends, unless a send is already on its way; answers `{ value }` once the core accepted, else null. */
  async function run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (busy.value) return null;
    settle({}, null, false);
    busy.value = true;
    try {
      return { value: await work() };
    } catch (cause) {
      const apiError = toApiError(cause);
      settle({ ...apiError.fields }, apiError, false);
      return null;
    } finally {
      busy.value = false;
    }
  }

  /**
   * As `run`, once the schema accepted the input: `work` gets it as the schema read it. The input is
   * what the inputs hold, blanks and all (`unknown`): saying what is wrong with it is the schema's job.
   */
  async function submit<S extends z.ZodType, T>(schema: S, input: unknown, work: (checked: z.output<S>) => Promise<T>): Promise<{ value: T } | null> {
    if (busy.value) return null;
    const checked = schema.safeParse(input);
    if (!checked.success) {
      settle(fieldsFromIssues(checked.error.issues), null, true);
      return null;
    }
    return run(() => work(checked.data));
  }

  /** Forgets the messages under a path (`contact.`), e.g. once those inputs were filled again. */
  function clear(prefix = ''): void {
    errors.value = Object.fromEntries(Object.entries(errors.value).filter(([path]) => !path.startsWith(prefix)));
  }

  /** A form closed or started afresh shows nothing of the previous one. */
  function reset(): void {
    settle({}, null, false);
  }

  return { errors, refusal, invalid, busy, run, submit, clear, reset };
}

export type Form = ReturnType<typeof useForm>;
