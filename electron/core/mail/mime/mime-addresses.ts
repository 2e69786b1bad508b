import type { AddressObject, EmailAddress } from 'mailparser';
import type { MailAddress } from '../../db/tables/json-types';

type Parsed = AddressObject | AddressObject[] | undefined;

/** RFC 5322 §3.4 groups (`Team: a@x, b@x;`) are flattened: filing wants the people in them. */
function flatten(entries: EmailAddress[]): EmailAddress[] {
  return entries.flatMap((entry) => (entry.group ? flatten(entry.group) : [entry]));
}

/** `{ name, address }` for every address that has one; encoded words are already decoded. */
export function toAddresses(parsed: Parsed): MailAddress[] {
  const objects = parsed === undefined ? [] : Array.isArray(parsed) ? parsed : [parsed];
  return flatten(objects.flatMap((object) => object.value)).flatMap((entry) => {
    const address = entry.address?.trim();
    if (!address) return [];
    const name = entry.name?.trim();
    return [name ? { name, address } : { address }];
  });
}

export const firstAddress = (parsed: Parsed): MailAddress | null => toAddresses(parsed)[0] ?? null;
