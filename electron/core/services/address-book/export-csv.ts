import { stringify } from 'csv-stringify/sync';
import type { AddressBookEntryView } from '../../../../shared/domain/address-book-view';
import { civilityLabels } from '../../../../shared/domain/field-rules';
import { exportHeaders, protectCell } from './csv-columns';

/**
 * A CSV as French Excel opens it with a double click: `;` between cells (Excel takes the list
 * separator of the regional settings, and the French one is `;` since `,` is the decimal mark),
 * a UTF-8 BOM (without it Excel reads the file as Windows-1252 and breaks every accent), CRLF ends.
 */
export function entriesToCsv(entries: readonly AddressBookEntryView[]): string {
  const rows = entries.map((entry) =>
    [civilityLabels[entry.civility], entry.lastName, entry.firstName, entry.email, entry.organisation ?? ''].map(protectCell),
  );
  return stringify([exportHeaders, ...rows], { bom: true, delimiter: ';', record_delimiter: 'windows' });
}
