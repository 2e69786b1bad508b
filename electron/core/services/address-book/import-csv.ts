import { CsvError, parse } from 'csv-parse/sync';
import { invalidField } from '../access';
import { columnFields, exportHeaders, unprotectCell } from './csv-columns';
import { entryFieldLabels, type RawEntry, type RawRow } from './entry-fields';

/**
 * The delimiter of the header line: French Excel writes `;` (the comma is the decimal separator
 * there), most other tools `,`; a tab-separated export is accepted too.
 */
export function detectDelimiter(content: string): string {
  const header = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

function parseRecords(content: string): ParsedRecord[] {
  try {
    const options = { bom: true, delimiter: detectDelimiter(content), info: true, relax_column_count: true, skip_empty_lines: true, trim: true };
    // With `info`, each record comes as { record, info } (the typings only know plain arrays).
    return parse(content, options) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const where = typeof error.lines === 'number' ? ` (ligne ${error.lines})` : '';
    throw invalidField('content', `Le fichier CSV est mal formé${where} : vérifiez les guillemets et les séparateurs.`);
  }
}

/**
 * Where each record starts, from 1. csv-parse's own `info.lines` counts a CRLF inside a quoted field
 * twice, so lines are counted here from `info.bytes` (where the previous record ended, in UTF-8
 * bytes), skipping the blank lines before the record.
 */
function startLines(content: string, records: readonly ParsedRecord[]): number[] {
  const bytes = Buffer.from(content, 'utf8');
  let position = 0;
  let line = 1;
  return records.map((_, index) => {
    let start = index === 0 ? 0 : (records[index - 1]?.info.bytes ?? 0);
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start += 1;
    line += (bytes.subarray(position, start).toString('utf8').match(/\r\n|\r|\n/g) ?? []).length;
    position = start;
    return line;
  });
}

/** Every field of an entry is one line: a line break inside a quoted cell becomes a space. */
const oneLine = (cell: string) => cell.replace(/\s*[\r\n]+\s*/g, ' ');

/** A CSV file with a header row → its rows as text, with their line numbers. */
export function readCsv(content: string): RawRow[] {
  const records = parseRecords(content);
  const [header, ...rows] = records;
  const columns = columnFields(header?.record ?? []);
  if (![...columns.values()].includes('email')) {
    throw invalidField(
      'content',
      `Colonne « ${entryFieldLabels.email} » introuvable sur la première ligne. ` +
        `Colonnes attendues : ${exportHeaders.join(', ')}.`,
    );
  }
  const lines = startLines(content, records).slice(1);
  return rows.map(({ record }, index) => {
    const entry: RawEntry = {};
    for (const [column, field] of columns) entry[field] = oneLine(unprotectCell(record[column] ?? ''));
    return { line: lines[index] ?? 0, entry };
  });
}
