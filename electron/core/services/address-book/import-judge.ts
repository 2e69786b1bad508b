import { addressBookEntrySchema, type AddressBookEntry } from '../../../../shared/domain/address-book-schema';
import type { ImportRefusal } from '../../../../shared/domain/address-book-view';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import { civilityFromText, entryFieldLabels, entryFields, type EntryField, type RawRow } from './entry-fields';

export interface AcceptedRow {
  line: number;
  entry: AddressBookEntry;
  /** The fields the row filled in: an update leaves the others as the book has them. */
  given: EntryField[];
}

export interface Judgement {
  accepted: AcceptedRow[];
  refused: ImportRefusal[];
}

const isField = (key: unknown): key is EntryField => entryFields.includes(key as EntryField);

/**
 * Each row goes through the entry schema the form uses, so a file is refused for the same reasons
 * and in the same words as the form; every broken rule of the row is named in its reason.
 */
function judgeRow({ line, entry }: RawRow): AcceptedRow | ImportRefusal {
  const parsed = addressBookEntrySchema.safeParse({ ...entry, civility: civilityFromText(entry.civility) });
  if (parsed.success) return { line, entry: parsed.data, given: entryFields.filter((field) => entry[field]?.trim()) };
  const reasons = parsed.error.issues.map((issue) => {
    const field = issue.path[0];
    return isField(field) ? `${entryFieldLabels[field]} : ${issue.message}` : issue.message;
  });
  const first = parsed.error.issues[0]?.path[0];
  return { line, reason: reasons.join(' '), value: isField(first) ? (entry[first] ?? '') : '' };
}

/** Schema first, then one row per address: a second row with an address already read is refused. */
export function judgeRows(rows: readonly RawRow[]): Judgement {
  const judgement: Judgement = { accepted: [], refused: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    const verdict = judgeRow(row);
    if ('reason' in verdict) {
      judgement.refused.push(verdict);
      continue;
    }
    const address = normalizeEmail(verdict.entry.email);
    const firstLine = seen.get(address);
    if (firstLine !== undefined) {
      const reason = `${entryFieldLabels.email} : adresse déjà présente ligne ${firstLine} du fichier.`;
      judgement.refused.push({ line: row.line, reason, value: verdict.entry.email });
      continue;
    }
    seen.set(address, row.line);
    judgement.accepted.push(verdict);
  }
  return judgement;
}
