/**
 * An instant as every timestamp column holds it (ISO 8601 UTC, see db/tables/columns.ts), so that
 * threads and desks sort as text. A date that cannot be read, or that lies in the future (a sender's
 * wrong clock), becomes the filing time: it would otherwise stay at the top of every desk.
 */
export function storedInstant(date: string, now: Date): string {
  const time = Date.parse(date);
  if (Number.isNaN(time) || time > now.getTime()) return now.toISOString();
  return new Date(time).toISOString();
}
