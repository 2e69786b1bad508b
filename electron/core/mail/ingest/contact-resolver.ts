import type { Database } from '../../db/database';
import type { MailAddress } from '../../db/tables/json-types';
import { ownerOfEmail } from '../../services/contacts/contact-email';
import { insertContact } from '../../services/contacts/contact-store';
import { personNameOf } from './display-name';

/**
 * The contact a message is from (PRODUCT.md "Incoming messages": found by e-mail address, case-insensitive,
 * or created). Runs inside the filing transaction: the lookup and the insert see the same database,
 * and the unique `email_normalized` is the last word if another process filed the same sender.
 */
export function resolveContact(db: Database, sender: MailAddress, now: string): number {
  const existing = ownerOfEmail(db, sender.address);
  if (existing) return existing.id;
  // Country left out: `insertContact` applies the centre's default (PRODUCT.md "Creating a case").
  const contact = { civility: 'monsieur' as const, ...personNameOf(sender), email: sender.address.trim() };
  return insertContact(db, contact, now).id;
}
