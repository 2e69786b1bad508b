import { z } from 'zod';
import { addressBookEntrySchema } from '../../domain/address-book-schema';
import {
  addressBookEntryView,
  addressBookExportInput,
  addressBookIdInput,
  addressBookImportInput,
  addressBookSearchInput,
  addressBookUpdateInput,
  exportedFileSchema,
  importReportSchema,
} from '../../domain/address-book-view';
import { call } from '../define';

/**
 * The address book (PRODUCT.md "Address book"), for agents and supervisors. An address is kept once
 * whatever its case: another entry's address is refused with `conflict` on `email`.
 */
export const addressBookCalls = {
  search: call(addressBookSearchInput, z.array(addressBookEntryView)),
  get: call(addressBookIdInput, addressBookEntryView),
  create: call(addressBookEntrySchema, addressBookEntryView),
  update: call(addressBookUpdateInput, addressBookEntryView),
  delete: call(addressBookIdInput, z.null()),
  /** Good rows land together in one transaction; bad ones are reported with their line. */
  importFile: call(addressBookImportInput, importReportSchema),
  exportFile: call(addressBookExportInput, exportedFileSchema),
};
