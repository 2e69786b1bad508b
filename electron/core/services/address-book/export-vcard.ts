import ICAL from 'ical.js';
import type { AddressBookEntryView } from '../../../../shared/domain/address-book-view';
import { civilityAbbreviations } from './entry-fields';

/** One vCard 4 (RFC 6350) per entry; ical.js escapes `;` `,` and folds long lines. */
function toCard(entry: AddressBookEntryView): ICAL.Component {
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
