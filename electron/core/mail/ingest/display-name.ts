import type { MailAddress } from '../../db/tables/json-types';

/** The names a new contact gets from a message (PRODUCT.md: a case is never anonymous). */
export interface PersonName {
  firstName: string;
  lastName: string;
}

/** The contact form's limit (seed "Créer un dossier": 50 characters at most each). */
const maxLength = 50;

/** Words that start a family name: `Marie de la Tour` is Marie, "de la Tour". */
const particles = new Set(['de', 'du', 'des', 'del', 'della', 'di', 'da', 'le', 'la', "d'", 'van', 'von', 'der', 'ter']);

const capitalise = (word: string) => word.charAt(0).toLocaleUpperCase('fr') + word.slice(1);
const clip = (text: string) => text.trim().slice(0, maxLength).trim();
/** A family name is required on a contact: a lone name is taken as one. */
function named(firstName: string, lastName: string): PersonName {
  const [first, last] = [clip(firstName), clip(lastName)];
  return last ? { firstName: first, lastName: last } : { firstName: '', lastName: first };
}

/** A word written in capitals, as French usage writes family names (`Jean DUPONT`, `DUPONT Jean`). */
const isCapitalised = (word: string) => /\p{L}{2,}/u.test(word) && word === word.toLocaleUpperCase('fr');

function fromDisplayName(display: string): PersonName {
  const comma = display.indexOf(',');
  // "Dupont, Jean": the directory order of many companies' address books.
  if (comma > 0) return named(display.slice(comma + 1), display.slice(0, comma));
  const words = display.split(/\s+/);
  if (words.length === 1) return named('', display);
  const capitals = words.filter(isCapitalised);
  if (capitals.length > 0 && capitals.length < words.length) {
    return named(words.filter((word) => !isCapitalised(word)).join(' '), capitals.join(' '));
  }
  const particle = words.findIndex((word, i) => i > 0 && particles.has(word.toLowerCase()));
  const split = particle > 0 ? particle : words.length - 1;
  return named(words.slice(0, split).join(' '), words.slice(split).join(' '));
}

/** `jean.dupont@…` gives Jean Dupont; a local part without separator becomes the family name. */
function fromLocalPart(address: string): PersonName {
  const local = address.split('@')[0] ?? address;
  const parts = local.split(/[._-]+/).filter(Boolean);
  if (parts.length < 2) return named('', local || address);
  return named(capitalise(parts[0] as string), parts.slice(1).map(capitalise).join(' '));
}

/** Names for a new contact from a sender; the address's local part when there is no display name. */
export function personNameOf({ name, address }: MailAddress): PersonName {
  const display = (name ?? '').replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ');
  const usable = display !== '' && !display.includes('@');
  return usable ? fromDisplayName(display) : fromLocalPart(address.trim());
}
