import { eq } from 'drizzle-orm';
import type { CaseCreation } from '../../../../shared/domain/case-creation-schema';
import { transitions } from '../../../../shared/domain/case-machine';
import { commandRefusal } from '../../../../shared/domain/case-refusals';
import type { Media } from '../../../../shared/domain/case-state';
import type { ContactCard } from '../../../../shared/domain/contact-view';
import { emailMessages } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { contacts } from '../../db/schema';
import { invalidField } from '../access';
import { contactMissing, insertContact, readContact, replaceContact } from '../contacts/contact-store';

export interface ResolvedContact {
  card: ContactCard;
  outcome: 'created' | 'updated' | 'kept';
}

const cardWithoutEmail = `${emailMessages.requiredForEmailQueue} La fiche de ce contact n'en a pas : complétez-la.`;

/** Where the creation form holds the contact: refusals name `contact.email`, `contact.existingContactId`… */
const prefix = 'contact.';

/**
 * The case's contact, in the creation transaction: a new card, the chosen card updated with the
 * form's values (the form came pre-filled from it), or the chosen card as it is.
 */
export function resolveContact(db: Database, input: CaseCreation, queueMedia: Media, at: string): ResolvedContact {
  const { existingContactId, fields } = input.contact;
  if (existingContactId === null) {
    // The schema gives fields whenever no card is chosen.
    return { card: insertContact(db, fields as NonNullable<typeof fields>, at, prefix), outcome: 'created' };
  }
  if (!db.orm.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, existingContactId)).get()) {
    throw invalidField(`${prefix}existingContactId`, contactMissing);
  }
  if (fields) return { card: replaceContact(db, existingContactId, fields, at, prefix), outcome: 'updated' };
  const card = readContact(db, existingContactId);
  assertCardFits(card, input, queueMedia);
  return { card, outcome: 'kept' };
}

/**
 * A card taken as it is was not in the form, so the schema could not check its address: the same
 * rules, on the same field, here (seed: e-mail required for an e-mail queue; a reply needs an address).
 */
function assertCardFits(card: ContactCard, input: CaseCreation, queueMedia: Media): void {
  if (card.email) return;
  if (queueMedia === 'email') throw invalidField(`${prefix}email`, cardWithoutEmail);
  const needsRecipient = transitions[input.action].needs.includes('needs_recipient') && !input.response.to;
  if (needsRecipient) throw invalidField(`${prefix}email`, commandRefusal('needs_recipient', input.action).message);
}
