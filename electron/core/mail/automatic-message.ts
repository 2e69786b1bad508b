import type { OutgoingMail } from '../db/tables/json-types';

/**
 * Headers of every message the centre writes on its own (acknowledgements, waiting messages,
 * over-size notices). Auto-Submitted (RFC 3834 §5) tells responders not to answer it;
 * X-Auto-Response-Suppress asks the same of Exchange, whose out-of-office ignores RFC 3834.
 */
export const automaticHeaders: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-replied',
  'X-Auto-Response-Suppress': 'All',
};

/** RFC 3834 §5.1: any Auto-Submitted value but `no` marks a message generated automatically. */
export function isAutomaticMail(mail: Pick<OutgoingMail, 'headers'>): boolean {
  const entry = Object.entries(mail.headers).find(([name]) => name.toLowerCase() === 'auto-submitted');
  return entry !== undefined && entry[1].split(';')[0]?.trim().toLowerCase() !== 'no';
}

/**
 * The SMTP reverse-path (MAIL FROM) of a message: empty for an automatic one (RFC 3834 §3.3,
 * RFC 5321 §4.5.5), so that a bounce or another robot's answer to it goes nowhere and can never
 * start a loop; the mailbox's own address for an agent's reply, whose bounces the centre wants.
 */
export function reversePathOf(mail: Pick<OutgoingMail, 'headers' | 'from'>): string {
  return isAutomaticMail(mail) ? '' : mail.from.address;
}
