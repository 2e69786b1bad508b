import type { QuarantineEntry } from '../../../../shared/domain/quarantine';

type Translate = (key: string) => string;

/** « Nom <adresse> », the address alone, or the word for none. */
export function senderLabel(entry: QuarantineEntry, t: Translate): string {
  const sender = entry.sender;
  if (!sender) return t('quarantine.noSender');
  return sender.name ? `${sender.name} <${sender.address}>` : sender.address;
}

export const subjectLabel = (entry: QuarantineEntry, t: Translate): string => entry.subject || t('quarantine.noSubject');

/**
 * The reason in the screen's language. A row from before reasons had codes (`other`) carries its
 * French sentence from the core: that is the only text there is.
 */
export const reasonLabel = (entry: QuarantineEntry, t: Translate): string =>
  entry.reason.code === 'other' ? entry.reason.text : t(`quarantine.reasons.${entry.reason.code}`);
