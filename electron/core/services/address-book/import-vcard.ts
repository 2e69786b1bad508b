import ICAL from 'ical.js';
import { invalidField } from '../access';
import { civilityFromText, type RawEntry, type RawRow } from './entry-fields';

/**
 * vCard 3 and 4 (RFC 2426, RFC 6350) through ical.js, which reads both. Several cards per file;
 * FN, N (family, given, …, prefix), the first EMAIL and ORG are kept.
 */

type JCard = ConstructorParameters<typeof ICAL.Component>[0];

function parseCards(content: string): JCard[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw invalidField('content', "Le fichier vCard est mal formé : chaque fiche doit aller de BEGIN:VCARD à END:VCARD.");
  }
  // One card parses as a jCard, several as a list of jCards.
  const cards = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as JCard[];
  return cards.filter((card) => Array.isArray(card) && card[0] === 'vcard');
}

/** ical.js gives no positions: the lines where cards begin, in order, stand in for them. */
function cardLines(content: string): number[] {
  return content.split(/\r\n|\n|\r/).flatMap((text, index) => (/^BEGIN:VCARD\s*$/i.test(text) ? [index + 1] : []));
}

/** A structured value (N, ORG) comes as a list, or as one text when it has one part. */
const parts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)]);

/** Without N, the formatted name's last word is taken for the last name (FN "Jean Dupont"). */
function namesOf(card: ICAL.Component): Pick<RawEntry, 'lastName' | 'firstName' | 'civility'> {
  const [family = '', given = '', , prefix = ''] = parts(card.getFirstPropertyValue('n'));
  if (family.trim()) return { lastName: family, firstName: given, civility: civilityFromText(prefix) };
  const words = String(card.getFirstPropertyValue('fn') ?? '').trim().split(/\s+/).filter(Boolean);
  return { lastName: words.pop() ?? '', firstName: words.join(' ') || given, civility: civilityFromText(prefix) };
}

function entryOf(card: ICAL.Component): RawEntry {
  const organisation = parts(card.getFirstPropertyValue('org')).map((part) => part.trim()).filter(Boolean).join(', ');
  return { ...namesOf(card), email: String(card.getFirstPropertyValue('email') ?? ''), organisation };
}

export function readVcards(content: string): RawRow[] {
  const cards = parseCards(content);
  const lines = cardLines(content);
  if (cards.length === 0) throw invalidField('content', 'Aucune fiche vCard (BEGIN:VCARD) dans ce fichier.');
  return cards.map((card, index) => ({ line: lines[index] ?? index + 1, entry: entryOf(new ICAL.Component(card)) }));
}
