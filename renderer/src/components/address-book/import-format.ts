import type { AddressBookFormat } from '../../../../shared/domain/address-book-view';

const byExtension: Record<string, AddressBookFormat> = { csv: 'csv', txt: 'csv', vcf: 'vcard', vcard: 'vcard' };

/** The file's kind from its name, as people save them; null when it is neither CSV nor vCard. */
export function importFormatOf(fileName: string): AddressBookFormat | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return byExtension[extension] ?? null;
}
