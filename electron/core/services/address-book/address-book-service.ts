import type { AgentSummary } from '../../../../shared/domain/agent';
import type { AddressBookEntry } from '../../../../shared/domain/address-book-schema';
import type {
  AddressBookEntryView,
  AddressBookFormat,
  ExportedFile,
  ImportReport,
} from '../../../../shared/domain/address-book-view';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import type { Clock } from '../../ports';
import { forbidden } from '../access';
import { currentRights } from '../admin/agent-grants';
import { searchEntries, registerSearchFold } from './entry-search';
import { deleteEntry, insertEntry, readEntry, replaceEntry, toView } from './entry-store';
import { entriesToCsv } from './export-csv';
import { entriesToVcard } from './export-vcard';
import { applyImport } from './import-apply';
import { readCsv } from './import-csv';
import { judgeRows } from './import-judge';
import { readVcards } from './import-vcard';

export type AddressBookService = ReturnType<typeof createAddressBookService>;

/** No book is bigger: the export takes every entry. */
const everyEntry = 1_000_000;

const exportKinds: Record<AddressBookFormat, { extension: string; mimeType: string; write: typeof entriesToCsv }> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8', write: entriesToCsv },
  vcard: { extension: 'vcf', mimeType: 'text/vcard;charset=utf-8', write: entriesToVcard },
};

/** PRODUCT.md "Address book" and "Roles": agents and supervisors keep the book; an administrator does not. */
export function createAddressBookService({ db, clock }: { db: Database; clock: Clock }) {
  registerSearchFold(db);
  /** Under the write lock from the first read: the address check and the write see the same rows. */
  const write = <T>(change: () => T): T => db.sqlite.transaction(change).immediate();
  const now = () => clock.now().toISOString();
  const allowed = (actor: AgentSummary) => {
    const rights = currentRights(db, actor.id);
    if (!rights || !can(rights, 'handle_cases')) throw forbidden("Votre compte n'a pas accès au carnet d'adresses.");
  };

  return {
    search(input: { query?: string | undefined; limit: number }, actor: AgentSummary): AddressBookEntryView[] {
      allowed(actor);
      return searchEntries(db, input.query, input.limit);
    },

    get(id: number, actor: AgentSummary): AddressBookEntryView {
      allowed(actor);
      return toView(readEntry(db, id));
    },

    create(entry: AddressBookEntry, actor: AgentSummary): AddressBookEntryView {
      allowed(actor);
      return toView(write(() => insertEntry(db, entry, now())));
    },

    update({ id, ...entry }: AddressBookEntry & { id: number }, actor: AgentSummary): AddressBookEntryView {
      allowed(actor);
      return toView(write(() => replaceEntry(db, id, entry, now())));
    },

    delete(id: number, actor: AgentSummary): null {
      allowed(actor);
      write(() => deleteEntry(db, id));
      return null;
    },

    /** Parsing and checks first, then every accepted row in one transaction. */
    importFile(input: { format: AddressBookFormat; content: string }, actor: AgentSummary): ImportReport {
      allowed(actor);
      const rows = input.format === 'csv' ? readCsv(input.content) : readVcards(input.content);
      const judgement = judgeRows(rows);
      const counts = write(() => applyImport(db, judgement, now()));
      return { ...counts, refused: judgement.refused };
    },

    exportFile(format: AddressBookFormat, actor: AgentSummary): ExportedFile {
      allowed(actor);
      const kind = exportKinds[format];
      const day = now().slice(0, 10);
      const content = kind.write(searchEntries(db, undefined, everyEntry));
      return { fileName: `carnet-d-adresses-${day}.${kind.extension}`, mimeType: kind.mimeType, content };
    },
  };
}
