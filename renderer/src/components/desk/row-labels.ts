import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { caseStates, medias, type CaseState, type Media } from '../../../../shared/domain/case-state';
import { formatDateTime, type Locale } from '../../i18n';

/** Everything a desk row prints that is not the case's own data, translated once per language. */
export interface RowLabels {
  state: Record<CaseState, string>;
  media: Record<Media, string>;
  unassigned: string;
  unread: string;
  received(iso: string): string;
}

/**
 * A scrolling list mounts a dozen rows a frame: each translation is a lookup, so rows read these
 * prepared labels instead (dates go through `formatDateTime`, whose formatters are kept).
 */
export function useRowLabels() {
  const { t, locale } = useI18n();
  return computed<RowLabels>(() => {
    const language = locale.value as Locale;
    return {
      state: Object.fromEntries(caseStates.map((state) => [state, t(`state.${state}`)])) as Record<CaseState, string>,
      media: Object.fromEntries(medias.map((media) => [media, t(`media.${media}`)])) as Record<Media, string>,
      unassigned: t('desk.table.unassigned'),
      unread: t('desk.table.unread'),
      received: (iso) => formatDateTime(iso, language),
    };
  });
}
