/** Earlier than this, a Date header is a bug (an epoch of 0, a two-digit year read badly). */
const EARLIEST = Date.UTC(1980, 0, 1);
/** Clocks drift and time zones get mislabelled, but not by more than a day. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

const isValid = (date: Date | null | undefined): date is Date => date instanceof Date && !Number.isNaN(date.getTime());

/**
 * The date of a message as ISO 8601: the Date header (RFC 5322 §3.6.1) when it parses and is
 * plausible, else the server's INTERNALDATE (RFC 3501 §2.3.3, when the server received it), else
 * `now`. "Plausible": not before 1980, and not more than a day after the message was received,
 * so that spam dated 2099 does not sit on top of every desk.
 */
export function messageDate(rawDate: string | undefined, internalDate: Date | null, now: Date): string {
  const received = isValid(internalDate) ? internalDate : now;
  // V8 reads RFC 5322 dates, obsolete zone names (EST, GMT) and trailing comments included.
  const written = rawDate === undefined ? Number.NaN : Date.parse(rawDate);
  const plausible = Number.isFinite(written) && written >= EARLIEST && written <= received.getTime() + FUTURE_SLACK_MS;
  return new Date(plausible ? written : received.getTime()).toISOString();
}
