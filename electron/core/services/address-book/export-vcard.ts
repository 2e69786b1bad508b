import ICAL from 'ical.js';
import type { AddressBookEntryView } from '../../../../shared/domain/address-book-view';
import { toSingleLine } from '../../../../shared/domain/text-rules';
import { civilityAbbreviations } from './entry-fields';

/**
 * One vCard 4 (RFC 6350) per entry; ical.js escapes `;` `,` `\n` and folds long lines, but writes a
 * CR as it is, which ends the line for every reader: a stored value (typed before names refused
 * control characters, or a mail sender's name) goes on one line first.
 */
function toCard(stored: AddressBookEntryView): ICAL.Component {
  const entry = {
    ...stored,
    lastName: toSingleLine(stored.lastName),
    firstName: toSingleLine(stored.firstName),
    email: toSingleLine(stored.email),
    organisation: stored.organisation === null ? null : toSingleLine(stored.organisation),
  };
  const card = new ICAL.Component('vcard');
  card.addPropertyWithValue('version', '4.0');
  card.addPropertyWithValue('fn', [entry.firstName, entry.lastName].filter(Boolean).join(' '));
  const name = new ICAL.Property('n');
  name.setValue([entry.lastName, entry.firstName, '', civilityAbbreviations[entry.civility], '']);
  card.addProperty(name);
  card.addPropertyWithValue('email', entry.email);
  if (entry.organisation) {
    // A one-part structured value, so that a `;` in the name is escaped rather than splitting it.
    const organisation = new ICAL.Property('org');
    organisation.setValue([entry.organisation]);
    card.addProperty(organisation);
  }
  return card;
}

export function entriesToVcard(entries: readonly AddressBookEntryView[]): string {
  return entries.map((entry) => toCard(entry).toString()).join('\r\n') + '\r\n';
}
