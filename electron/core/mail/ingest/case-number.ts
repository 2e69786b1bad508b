import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { cases } from '../../db/schema';

/** Six digits, zero-padded (`[#000123]` in subjects); more once the centre passes 999 999 cases. */
export const formatCaseNumber = (n: number) => String(n).padStart(6, '0');

/**
 * The next case number: one more than the highest. Safe only inside the writing transaction (taken
 * IMMEDIATE, so no other writer runs between this read and the insert); the unique index on
 * `cases.number` is the last guard. Compared as integers, since '1000000' sorts before '999999'.
 */
export function nextCaseNumber(db: Database): string {
  const row = db.orm.get<{ top: number | null }>(sql`SELECT max(CAST(${cases.number} AS INTEGER)) AS top FROM ${cases}`);
  return formatCaseNumber((row.top ?? 0) + 1);
}
