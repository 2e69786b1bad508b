import { domainToUnicode } from 'node:url';
import { mixesScripts } from '../../../shared/domain/mixed-scripts';

/** How the message header shows an address, and what to warn the agent about. */
export interface ShownAddress {
  /** With its domain in ASCII (punycode, RFC 3492): what the characters really are. */
  address: string;
  /** A label of the domain mixes alphabets: the address may pose as another. */
  warning: 'mixed_scripts' | null;
}

/** The WHATWG URL parser (the same in Node and the browser) gives a domain's ASCII form; null if it is none. */
function asciiDomain(domain: string): string | null {
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * An address as the agent should read it: an international domain in punycode (an `а` that is
 * Cyrillic can no longer pass for a Latin `a`), with a warning when a label, once decoded, mixes
 * alphabets. Case kept for plain ASCII domains; anything that does not parse is shown as written.
 */
export function shownAddress(address: string): ShownAddress {
  const at = address.lastIndexOf('@');
  const domain = at < 0 ? '' : address.slice(at + 1);
  const ascii = domain ? asciiDomain(domain) : null;
  if (ascii === null) return { address, warning: null };
  const unicode = domainToUnicode(ascii);
  const warning = unicode.split('.').some(mixesScripts) ? 'mixed_scripts' : null;
  // Plain ASCII domains keep their case as written; an international one is shown as its ASCII form.
  const shown = ascii === domain.toLowerCase() ? domain : ascii;
  return { address: `${address.slice(0, at)}@${shown}`, warning };
}
