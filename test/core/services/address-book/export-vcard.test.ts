import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { AddressBookEntryView } from '../../../../shared/domain/address-book-view';
import { entriesToVcard } from '../../../../electron/core/services/address-book/export-vcard';
import { readVcards } from '../../../../electron/core/services/address-book/import-vcard';

/**
 * Entries stored before names refused control characters (or named by a mail's sender) may hold a
 * raw CR or LF: in a vCard that ends the line, and the rest of the name becomes a property of its
 * own, or of the next card. The export writes them on one line whatever the book holds.
 */

const entry = (id: number, fields: Partial<AddressBookEntryView>): AddressBookEntryView => ({
  id,
  civility: 'madame',
  lastName: 'Roche',
  firstName: 'Valérie',
  email: `v${id}@example.fr`,
  organisation: null,
  contactId: null,
  ...fields,
});

const stored = [
  entry(1, { lastName: 'Dupont\rEND:VCARD\rBEGIN:VCARD', firstName: 'Jean' }),
  entry(2, { lastName: 'Martin', firstName: 'Paul\r\nEMAIL:pirate@evil.example', organisation: 'Durand\nFils' }),
  entry(3, { lastName: 'Leroy\u0000\u0085', firstName: '\u202eLéa\u2028', organisation: 'A\tB' }),
  entry(4, {}),
];

describe('the vCard export of stored entries', () => {
  it('keeps every value on its line: only CRLF line ends, no other control character', () => {
    const content = entriesToVcard(stored);
    const lines = content.split('\r\n');
    // eslint-disable-next-line no-control-regex -- control characters are what must not be left
    expect(lines.filter((line) => /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(line))).toEqual([]);
    expect(content.match(/^BEGIN:VCARD$/gm)).toHaveLength(stored.length);
  });

  it('reads back as one card per entry, with the names on one line', () => {
    const content = entriesToVcard(stored);
    const parsed = ICAL.parse(content) as unknown[];
    expect(parsed).toHaveLength(stored.length);
    expect(readVcards(content).map((row) => row.entry)).toEqual([
      { lastName: 'Dupont END:VCARD BEGIN:VCARD', firstName: 'Jean', civility: 'madame', email: 'v1@example.fr', organisation: '' },
      { lastName: 'Martin', firstName: 'Paul EMAIL:pirate@evil.example', civility: 'madame', email: 'v2@example.fr', organisation: 'Durand Fils' },
      { lastName: 'Leroy', firstName: 'Léa', civility: 'madame', email: 'v3@example.fr', organisation: 'A B' },
      { lastName: 'Roche', firstName: 'Valérie', civility: 'madame', email: 'v4@example.fr', organisation: '' },
    ]);
  });
});
