import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { caseStates, medias, type CaseState, type Media } from '../../../../shared/domain/case-state';
import type { Locale } from '../../i18n';

/** Everything a desk row prints that is not the case's own data, translated once per language. */
export interface RowLabels {
  state: Record<CaseState, string>;
  media: Record<Media, string>;
  unassigned: string;
  unread: string;
  /** Same format as `formatDateTime` (i18n/index.ts), with the formatter built once. */
  received(iso: string): string;
}

/**
 * A scrolling list mounts a dozen rows a frame: building an Intl formatter costs about a
 * millisecond and each translation a lookup, so rows read these prepared labels instead.
 */
export function useRowLabels() {
  const { t, locale } = useI18n();
  return computed<RowLabels>(() => {
    const format = new Intl.DateTimeFormat((locale.value as Locale) === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
    return {
      state: Object.fromEntries(caseStates.map((state) => [state, t(`state.${state}`)])) as Record<CaseState, string>,
      media: Object.fromEntries(medias.map((media) => [media, t(`media.${media}`)])) as Record<Media, string>,
      unassigned: t('desk.table.unassigned'),
      unread: t('desk.table.unread'),
      received: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : format.format(date);
      },
    };
  });
}
