import { invalidField } from './access';

export type CursorKey = string | number;

/**
 * Position after which the next page starts: the sort it was made for, the last row's sort keys
 * and its id (the tie-break that makes every position unique).
 */
export interface DeskCursor {
  sort: string;
  keys: CursorKey[];
  id: number;
}

/** Opaque to the renderer, which only hands it back: base64url of a JSON array. */
export function encodeDeskCursor(cursor: DeskCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.keys, cursor.id]), 'utf8').toString('base64url');
}

/**
 * Reads a cursor made for `sort` with `keyCount` keys; anything else (a forged token, or a cursor
 * of the list before it was re-sorted) is refused rather than paging from a wrong position.
 */
export function decodeDeskCursor(token: string, sort: string, keyCount: number): DeskCursor {
  const [madeFor, keys, id] = parse(token);
  const valid =
    madeFor === sort &&
    Array.isArray(keys) &&
    keys.length === keyCount &&
    keys.every((key) => typeof key === 'string' || Number.isSafeInteger(key)) &&
    Number.isSafeInteger(id) &&
    (id as number) >= 1;
  if (!valid) throw invalidField('after', 'Position de pagination invalide : rechargez la liste.');
  return { sort, keys: keys as CursorKey[], id: id as number };
}

function parse(token: string): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === 3 ? value : [];
  } catch {
    return [];
  }
}
