import { and, eq, ne } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { contacts } from '../../db/schema';
import { fullName } from './contact-rows';

/** The contact whose address this is, whatever its case (PRODUCT.md: `A@x.fr` and `a@x.fr` are one address). */
export function ownerOfEmail(db: Database, email: string, exceptId?: number) {
  const normalized = normalizeEmail(email);
  if (!normalized) return undefined;
  const except = exceptId === undefined ? undefined : ne(contacts.id, exceptId);
  return db.orm.select().from(contacts).where(and(eq(contacts.emailNormalized, normalized), except)).get();
}

/**
 * One contact per address: incoming mail finds its contact by address, so a second card with the
 * same one would split a person's cases. `prefix` places the fields where the form has them
 * (`contact.` in case creation); the owner's id goes in `details`, for the screen to offer that card.
 */
export function assertEmailFree(db: Database, email: string | undefined, exceptId: number | undefined, prefix = ''): void {
  if (!email) return;
  const owner = ownerOfEmail(db, email, exceptId);
  if (!owner) return;
  const message = `L'adresse ${email} appartient déjà à la fiche de ${fullName(owner)} : ouvrez cette fiche plutôt que d'en créer une autre.`;
  throw new AppFailure({
    code: 'conflict',
    message,
    fields: { [`${prefix}email`]: message },
    details: { existingContactId: owner.id },
  });
}
