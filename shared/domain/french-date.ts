/**
 * Dates as agents type them (JJ/MM/AAAA, seed "Créer un dossier") and as they are stored (ISO
 * `YYYY-MM-DD`). Calendar arithmetic by hand rather than with `Date`, which silently rolls
 * 31/02 over to 3 March and depends on the machine's time zone.
 */

export type DateReading = { ok: true; iso: string } | { ok: false; problem: 'format' | 'nonexistent' };

const frenchPattern = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Tells a badly typed date from one that does not exist, since the form says which. */
export function readFrenchDate(text: string): DateReading {
  const match = frenchPattern.exec(text.trim());
  if (!match) return { ok: false, problem: 'format' };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'nonexistent' };
  }
  return { ok: true, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** `'31/12/1990'` → `'1990-12-31'`; null when badly typed or not a real date. */
export function parseFrenchDate(text: string): string | null {
  const reading = readFrenchDate(text);
  return reading.ok ? reading.iso : null;
}

/**
 * `'1990-12-31'` → `'31/12/1990'`, to pre-fill a form. Anything else is returned as is: the form
 * then shows it and the schema says what is wrong, rather than the value vanishing.
 */
export function formatFrenchDate(iso: string): string {
  const match = isoPattern.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** The calendar day of `date` where the agent is (local time), as ISO. */
export function isoDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}
